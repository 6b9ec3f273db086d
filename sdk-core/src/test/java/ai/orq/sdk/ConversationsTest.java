package ai.orq.sdk;

import static ai.orq.sdk.TestServers.API_KEY;
import static ai.orq.sdk.TestServers.errorJson;
import static ai.orq.sdk.TestServers.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ai.orq.sdk.errors.BadRequestException;
import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.model.Conversation;
import ai.orq.sdk.model.ConversationKind;
import ai.orq.sdk.model.ConversationPage;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.GenerateNameRequest;
import ai.orq.sdk.model.ListObject;
import ai.orq.sdk.model.MessageRole;
import ai.orq.sdk.model.NewConversationMetadata;
import ai.orq.sdk.model.TextPart;
import ai.orq.sdk.model.UpdateConversationRequest;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The six operations over HTTP: what is sent, what comes back, and their declared errors. */
class ConversationsTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @AutoClose
  private final OrqClient client = TestServers.client(server, new RecordingScheduler()).build();

  private final Conversations conversations = client.conversations();

  @ParameterizedTest
  @EnumSource(Mode.class)
  void listSendsFiltersAndParsesThePage(Mode mode) {
    server.stubFor(
        get(urlEqualTo("/v2/conversations/?limit=2&startingAfter=conv_0&entityId=agent_1"))
            .willReturn(okJson(Fixtures.page(true, "conv_1", "conv_2"))));

    OrqResponse<ConversationPage> response =
        mode.run(
            conversations.list(
                ListConversationsParams.builder()
                    .limit(2)
                    .startingAfter("conv_0")
                    .entityId("agent_1")
                    .build()));

    assertEquals(200, response.statusCode());
    assertEquals("req_123", response.requestId());
    assertEquals("application/json", response.headers().get("Content-Type"));
    assertEquals("OrqResponse{statusCode=200, requestId=req_123}", response.toString());
    ConversationPage page = response.body();
    assertEquals(ListObject.LIST, page.getObject());
    assertEquals(true, page.getHasMore());
    assertEquals("conv_2", page.getData().get(1).getId());
    assertEquals(Instant.ofEpochMilli(1767225600123L), page.getData().get(0).getUpdatedAt());
    server.verify(
        withStandardHeaders(
            getRequestedFor(
                urlEqualTo("/v2/conversations/?limit=2&startingAfter=conv_0&entityId=agent_1"))));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void listWithoutParamsSendsNoQuery(Mode mode) {
    server.stubFor(get(urlEqualTo("/v2/conversations/")).willReturn(okJson(Fixtures.page(false))));

    ConversationPage page = mode.run(conversations.list()).body();

    assertEquals(0, page.getData().size());
    assertEquals(false, page.getHasMore());
    server.verify(getRequestedFor(urlEqualTo("/v2/conversations/")));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void createPostsTheBodyAndParses201(Mode mode) {
    server.stubFor(
        post(urlEqualTo("/v2/conversations"))
            .willReturn(okJson(Fixtures.CONVERSATION).withStatus(201)));

    OrqResponse<Conversation> response =
        mode.run(
            conversations.create(
                CreateConversationRequest.builder()
                    .projectId("proj_1")
                    .displayName("Trip planning")
                    .metadata(NewConversationMetadata.builder().model("openai/gpt-4o").build())
                    .build()));

    assertEquals(201, response.statusCode());
    Conversation created = response.body();
    assertEquals("conv_01JJ", created.getId());
    assertEquals(ConversationKind.CONVERSATION, created.getKind());
    assertEquals("openai/gpt-4o", created.getMetadata().getModel());
    assertNull(created.getMetadata().getEntityId());
    server.verify(
        withStandardHeaders(postRequestedFor(urlEqualTo("/v2/conversations")))
            .withHeader("Content-Type", matching("application/json.*"))
            .withRequestBody(
                equalToJson(
                    "{\"projectId\":\"proj_1\",\"displayName\":\"Trip"
                        + " planning\",\"metadata\":{\"model\":\"openai/gpt-4o\"}}")));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void generateNamePostsTheContext(Mode mode) {
    server.stubFor(
        post(urlEqualTo("/v2/conversations/conv_01JJ/generate-name"))
            .willReturn(okJson(Fixtures.CONVERSATION)));

    OrqResponse<Conversation> response =
        mode.run(
            conversations.generateName(
                "conv_01JJ", GenerateNameRequest.builder().context("Plan a trip to Rome").build()));

    assertEquals(200, response.statusCode());
    assertEquals("Trip planning", response.body().getDisplayName());
    server.verify(
        withStandardHeaders(
                postRequestedFor(urlEqualTo("/v2/conversations/conv_01JJ/generate-name")))
            .withRequestBody(equalToJson("{\"context\":\"Plan a trip to Rome\"}")));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void generateNameOnANamedConversationIsABadRequest(Mode mode) {
    server.stubFor(
        post(urlEqualTo("/v2/conversations/conv_01JJ/generate-name"))
            .willReturn(
                errorJson(400, "{\"message\":\"Conversation already has a display name\"}")));

    BadRequestException e =
        assertThrows(
            BadRequestException.class,
            () ->
                mode.run(
                    conversations.generateName(
                        "conv_01JJ", GenerateNameRequest.builder().context("x").build())));

    assertEquals(400, e.statusCode());
    assertEquals("Conversation already has a display name", e.errorMessage());
    assertEquals("req_123", e.requestId());
    assertEquals(
        "HTTP 400 Bad Request: Conversation already has a display name (request id req_123)",
        e.getMessage());
    assertEquals(1, TestServers.requests(server).size(), "a 400 is not retried");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void retrieveParsesMessagesAndTheirParts(Mode mode) {
    server.stubFor(
        get(urlEqualTo("/v2/conversations/conv_01JJ")).willReturn(okJson(Fixtures.WITH_MESSAGES)));

    ConversationWithMessages conversation = mode.run(conversations.retrieve("conv_01JJ")).body();

    assertEquals("conv_01JJ", conversation.getId());
    assertEquals(2, conversation.getMessages().size());
    assertEquals(MessageRole.ASSISTANT, conversation.getMessages().get(1).getRole());
    TextPart part = conversation.getMessages().get(1).getParts().get(0).asText();
    assertEquals("Hi!", part.getText());
    server.verify(withStandardHeaders(getRequestedFor(urlEqualTo("/v2/conversations/conv_01JJ"))));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void updatePatchesOnlyTheFieldsSet(Mode mode) {
    server.stubFor(
        patch(urlEqualTo("/v2/conversations/conv_01JJ")).willReturn(okJson(Fixtures.CONVERSATION)));

    OrqResponse<Conversation> response =
        mode.run(
            conversations.update(
                "conv_01JJ",
                UpdateConversationRequest.builder().displayName("Trip planning").build()));

    assertEquals("Trip planning", response.body().getDisplayName());
    server.verify(
        withStandardHeaders(patchRequestedFor(urlEqualTo("/v2/conversations/conv_01JJ")))
            .withRequestBody(equalTo("{\"displayName\":\"Trip planning\"}")));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void deleteAccepts204WithoutBody(Mode mode) {
    server.stubFor(
        delete(urlEqualTo("/v2/conversations/conv_01JJ"))
            .willReturn(aResponse().withStatus(204).withHeader("x-request-id", "req_123")));

    OrqResponse<Void> response = mode.run(conversations.delete("conv_01JJ"));

    assertEquals(204, response.statusCode());
    assertEquals("req_123", response.requestId());
    assertNull(response.body());
    server.verify(
        withStandardHeaders(deleteRequestedFor(urlEqualTo("/v2/conversations/conv_01JJ")))
            .withRequestBody(absent()));
  }

  static Stream<Arguments> operationsOnAConversation() {
    return Stream.of(Mode.values())
        .flatMap(
            mode ->
                Stream.of(
                    arguments(
                        mode,
                        "generateName",
                        post(urlEqualTo("/v2/conversations/conv_x/generate-name")),
                        (Function<Conversations, OrqCall<?>>)
                            c ->
                                c.generateName(
                                    "conv_x", GenerateNameRequest.builder().context("x").build())),
                    arguments(
                        mode,
                        "retrieve",
                        get(urlEqualTo("/v2/conversations/conv_x")),
                        (Function<Conversations, OrqCall<?>>) c -> c.retrieve("conv_x")),
                    arguments(
                        mode,
                        "update",
                        patch(urlEqualTo("/v2/conversations/conv_x")),
                        (Function<Conversations, OrqCall<?>>)
                            c -> c.update("conv_x", UpdateConversationRequest.builder().build())),
                    arguments(
                        mode,
                        "delete",
                        delete(urlEqualTo("/v2/conversations/conv_x")),
                        (Function<Conversations, OrqCall<?>>) c -> c.delete("conv_x"))));
  }

  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("operationsOnAConversation")
  void notFoundIsParsed(
      Mode mode,
      String operation,
      MappingBuilder stub,
      Function<Conversations, OrqCall<?>> operationCall) {
    server.stubFor(stub.willReturn(errorJson(404, Fixtures.NOT_FOUND)));

    NotFoundException e =
        assertThrows(NotFoundException.class, () -> mode.run(operationCall.apply(conversations)));

    assertEquals(404, e.statusCode());
    assertEquals("Conversation not found", e.errorMessage());
    assertEquals(Fixtures.NOT_FOUND, e.rawBody());
    assertEquals("req_123", e.requestId());
    assertEquals("HTTP 404 Not Found: Conversation not found (request id req_123)", e.getMessage());
    assertEquals(1, TestServers.requests(server).size(), "a 404 is not retried");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void undeclared404OnListAndCreateStillMapsToNotFound(Mode mode) {
    server.stubFor(
        get(urlEqualTo("/v2/conversations/")).willReturn(errorJson(404, Fixtures.NOT_FOUND)));
    server.stubFor(
        post(urlEqualTo("/v2/conversations")).willReturn(errorJson(404, Fixtures.NOT_FOUND)));

    assertThrows(NotFoundException.class, () -> mode.run(conversations.list()));
    NotFoundException e =
        assertThrows(
            NotFoundException.class,
            () ->
                mode.run(
                    conversations.create(
                        CreateConversationRequest.builder().projectId("p").build())));
    assertEquals("Conversation not found", e.errorMessage());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void executeAsyncCompletesWithTheBody(Mode mode) throws Exception {
    server.stubFor(
        get(urlEqualTo("/v2/conversations/conv_01JJ")).willReturn(okJson(Fixtures.WITH_MESSAGES)));
    OrqCall<ConversationWithMessages> call = conversations.retrieve("conv_01JJ");

    ConversationWithMessages body =
        mode == Mode.SYNC ? call.execute() : call.executeAsync().get(10, TimeUnit.SECONDS);

    assertEquals("conv_01JJ", body.getId());
    assertFalse(call.isCanceled());
  }

  private static RequestPatternBuilder withStandardHeaders(RequestPatternBuilder request) {
    return request
        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
        .withHeader("User-Agent", matching("orq-java/[^ ]+ \\(Java [^)]+\\)"))
        .withHeader("X-Orq-Retry-Count", equalTo("0"))
        .withHeader("Accept-Encoding", equalTo("gzip"));
  }
}
