package ai.orq.sdk;

import static ai.orq.sdk.TestServers.errorJson;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.GenerateNameRequest;
import ai.orq.sdk.model.TextPart;
import ai.orq.sdk.model.UpdateConversationRequest;
import ai.orq.sdk.model.UserMessage;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad arguments fail before any request, naming the argument; a conversation id is always exactly
 * one path segment. The rule: any id is percent-encoded into one segment, and the two ids that are
 * dot-segments whatever their encoding, {@code .} and {@code ..}, are refused.
 */
class ArgumentsTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private OrqClient client;

  @BeforeEach
  void setUp() {
    client = TestServers.client(server, new RecordingScheduler()).maxRetries(0).build();
    server.stubFor(any(anyUrl()).willReturn(errorJson(404, Fixtures.NOT_FOUND)));
  }

  @AfterEach
  void tearDown() {
    client.close();
    assertEquals(
        List.of(),
        TestServers.requests(server).stream()
            .filter(request -> !request.getUrl().matches("(/orq)?/v2/conversations/.*"))
            .toList(),
        "no request ever leaves /v2/conversations/");
  }

  static Stream<Arguments> operationsTakingAnId() {
    CreateResponseRequest streamRequest = completeResponseRequest();
    return Stream.of(
        Arguments.of(
            "generateName",
            (BiConsumer<Conversations, String>)
                (c, id) -> c.generateName(id, GenerateNameRequest.builder().context("x").build())),
        Arguments.of("retrieve", (BiConsumer<Conversations, String>) Conversations::retrieve),
        Arguments.of(
            "update",
            (BiConsumer<Conversations, String>)
                (c, id) -> c.update(id, UpdateConversationRequest.builder().build())),
        Arguments.of("delete", (BiConsumer<Conversations, String>) Conversations::delete),
        Arguments.of(
            "createConversationResponse",
            (BiConsumer<Conversations, String>)
                (c, id) -> c.createConversationResponse(id, streamRequest)),
        Arguments.of(
            "createConversationResponseAsync",
            (BiConsumer<Conversations, String>)
                (c, id) -> c.createConversationResponseAsync(id, streamRequest)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operationsTakingAnId")
  void badIdsFailBeforeAnyRequest(String operation, BiConsumer<Conversations, String> call) {
    String[][] cases = {
      {null, "conversationId == null"},
      {"", "conversationId must not be blank"},
      {" \t", "conversationId must not be blank"},
      {".", "conversationId must not be '.' or '..', was '.'"},
      {"..", "conversationId must not be '.' or '..', was '..'"},
    };
    for (String[] badId : cases) {
      RuntimeException e =
          assertThrows(RuntimeException.class, () -> call.accept(client.conversations(), badId[0]));
      assertEquals(badId[1], e.getMessage());
      assertEquals(
          badId[0] == null ? NullPointerException.class : IllegalArgumentException.class,
          e.getClass());
    }
    assertEquals(0, TestServers.requests(server).size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a/b          | /v2/conversations/a%2Fb",
        "../x         | /v2/conversations/..%2Fx",
        "../../admin  | /v2/conversations/..%2F..%2Fadmin",
        "%2e%2e       | /v2/conversations/%252e%252e",
        "./.          | /v2/conversations/.%2F.",
        "...          | /v2/conversations/...",
        "a?b#c        | /v2/conversations/a%3Fb%23c",
        "conv 1       | /v2/conversations/conv%201",
        "über         | /v2/conversations/%C3%BCber",
      })
  void anIdIsAlwaysOnePathSegment(String id, String path) {
    assertThrows(NotFoundException.class, () -> client.conversations().retrieve(id).execute());
    assertThrows(NotFoundException.class, () -> client.conversations().delete(id).execute());
    assertThrows(
        NotFoundException.class,
        () ->
            client
                .conversations()
                .update(id, UpdateConversationRequest.builder().build())
                .execute());
    assertThrows(
        NotFoundException.class,
        () ->
            client
                .conversations()
                .generateName(id, GenerateNameRequest.builder().context("x").build())
                .execute());

    assertThrows(
        NotFoundException.class,
        () ->
            client
                .conversations()
                .createConversationResponse(id, completeResponseRequest())
                .iterator()
                .hasNext());

    List<String> urls =
        TestServers.requests(server).stream().map(r -> r.getUrl()).sorted().toList();
    assertEquals(List.of(path, path, path, path + "/generate-name", path + "/responses"), urls);
  }

  @Test
  void theStreamingUrlKeepsTheBasePathAndRefusesDotSegments() {
    try (OrqClient gateway =
        client.newBuilder().baseUrl(TestServers.baseUrl(server) + "/orq").build()) {
      assertThrows(
          NotFoundException.class,
          () ->
              gateway
                  .conversations()
                  .createConversationResponse("a/b", completeResponseRequest())
                  .iterator()
                  .hasNext());
      assertThrows(
          IllegalArgumentException.class,
          () ->
              gateway.conversations().createConversationResponse("..", completeResponseRequest()));
    }
    assertEquals(
        List.of("/orq/v2/conversations/a%2Fb/responses"),
        TestServers.requests(server).stream().map(r -> r.getUrl()).toList());
  }

  @Test
  void missingBodiesAndParamsFailNamingTheArgument() {
    assertNpe("params == null", c -> c.list(null));
    assertNpe("request == null", c -> c.create(null));
    assertNpe("request == null", c -> c.generateName("conv_1", null));
    assertNpe("update == null", c -> c.update("conv_1", null));
    assertNpe("request == null", c -> c.createConversationResponse("conv_1", null));
    assertNpe(
        "options == null",
        c -> c.createConversationResponse("conv_1", completeResponseRequest()).withOptions(null));
    assertNpe(
        "options == null",
        c ->
            c.createConversationResponseAsync("conv_1", completeResponseRequest())
                .withOptions(null));
    assertEquals(0, TestServers.requests(server).size());
  }

  @Test
  void bodiesWithoutARequiredPropertyFailNamingItBeforeAnyRequest() {
    assertIse(
        "CreateConversationRequest.projectId is required",
        c -> c.create(CreateConversationRequest.builder().displayName("x").build()));
    assertIse(
        "GenerateNameRequest.context is required",
        c -> c.generateName("conv_1", GenerateNameRequest.builder().build()));
    assertIse(
        "CreateResponseRequest.model is required",
        c ->
            c.createConversationResponse(
                "conv_1",
                CreateResponseRequest.builder().message(Messages.userText("hi")).build()));
    assertIse(
        "UserMessage.role is required",
        c ->
            c.createConversationResponseAsync(
                "conv_1",
                CreateResponseRequest.builder()
                    .model("openai/gpt-4o")
                    .message(
                        UserMessage.builder()
                            .addMessagePart(TextPart.builder().text("hi").build())
                            .build())
                    .build()));
    assertIse(
        "TextPart.text is required",
        c ->
            c.createConversationResponse(
                "conv_1",
                CreateResponseRequest.builder()
                    .model("openai/gpt-4o")
                    .message(Messages.user(TextPart.builder().build()))
                    .build()));
    assertEquals(0, TestServers.requests(server).size());
  }

  private static CreateResponseRequest completeResponseRequest() {
    return CreateResponseRequest.builder()
        .model("openai/gpt-4o")
        .message(Messages.userText("hi"))
        .build();
  }

  private void assertIse(String message, Function<Conversations, ?> call) {
    assertEquals(
        message,
        assertThrows(IllegalStateException.class, () -> call.apply(client.conversations()))
            .getMessage());
  }

  private void assertNpe(String message, Function<Conversations, ?> call) {
    assertEquals(
        message,
        assertThrows(NullPointerException.class, () -> call.apply(client.conversations()))
            .getMessage());
  }
}
