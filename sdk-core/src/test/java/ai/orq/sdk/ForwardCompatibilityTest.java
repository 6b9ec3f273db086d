package ai.orq.sdk;

import static ai.orq.sdk.TestServers.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ai.orq.sdk.errors.InvalidResponseException;
import ai.orq.sdk.internal.JsonModels;
import ai.orq.sdk.model.ConversationKind;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.Message;
import ai.orq.sdk.model.MessagePart;
import ai.orq.sdk.model.MessageRole;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A newer server, over HTTP: enum values, union members and properties the spec does not list reach
 * the caller typed and go back unchanged; JSON of the wrong shape is an {@link
 * InvalidResponseException} naming the JSON path, never a Gson or JDK exception.
 */
class ForwardCompatibilityTest {
  private static final String PATH = "/v2/conversations/conv_1";
  private static final String NEWER =
      """
      {"_id":"conv_1","kind":"conversation.v3","displayName":"x","createdAt":1,"updatedAt":2,
       "folder":{"id":7,"tags":[null]},"metadata":{"entityId":null,"model":null,"pinned":true},
       "messages":[{"_id":"msg_1","conversationId":"conv_1","createdAt":1,"createdById":"system","role":"tool",
         "parts":[{"kind":"text","text":"hi","lang":"en"},{"kind":"video","url":"https://x/v.mp4","length":null}]}]}
      """;

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @AutoClose
  private final OrqClient client =
      TestServers.client(server, new RecordingScheduler()).maxRetries(0).build();

  @Test
  void whatTheSpecDoesNotListIsReadTypedAndWrittenBackUnchanged() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(NEWER)));

    ConversationWithMessages conversation = client.conversations().retrieve("conv_1").execute();

    ConversationKind kind = conversation.getKind();
    assertEquals("conversation.v3", kind.asString());
    assertEquals(ConversationKind.Value._UNKNOWN, kind.value());
    assertEquals(ConversationKind.of("conversation.v3"), kind);
    assertNotEquals(ConversationKind.CONVERSATION, kind);
    assertEquals(
        "Unknown ConversationKind value: conversation.v3",
        assertThrows(IllegalStateException.class, kind::known).getMessage());
    Message message = conversation.getMessages().get(0);
    assertEquals(MessageRole.Value._UNKNOWN, message.getRole().value());
    assertEquals("tool", message.getRole().toString());
    assertEquals(
        new JsonPrimitive("en"),
        message.getParts().get(0).asText().additionalProperties().get("lang"));
    assertTrue(message.getParts().get(1).isUnknown());
    MessagePart.Unknown video = message.getParts().get(1).asUnknown();
    assertEquals("video", video.getKind().asString());
    assertEquals(MessagePart.Kind.Value._UNKNOWN, video.getKind().value());
    assertEquals(MessagePart.Kind.of("video"), video.getKind());
    assertEquals("https://x/v.mp4", video.raw().get("url").getAsString());
    assertEquals(
        JsonParser.parseString("{\"id\":7,\"tags\":[null]}"),
        conversation.additionalProperties().get("folder"));
    assertEquals(
        new JsonPrimitive(true), conversation.getMetadata().additionalProperties().get("pinned"));
    assertEquals(
        JsonParser.parseString(NEWER),
        JsonParser.parseString(JsonModels.newGson().toJson(conversation)),
        "written back as received: unknown values, members and properties, explicit nulls");
  }

  @Test
  void knownValuesAreConstantsToSwitchOver() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES)));

    ConversationWithMessages conversation = client.conversations().retrieve("conv_1").execute();

    assertEquals(ConversationKind.CONVERSATION, conversation.getKind());
    assertEquals(ConversationKind.Known.CONVERSATION, conversation.getKind().known());
    switch (conversation.getMessages().get(1).getRole().known()) {
      case ASSISTANT:
        break;
      case USER:
      default:
        throw new AssertionError("the second message is the assistant's");
    }
    assertEquals(MessageRole.ASSISTANT, MessageRole.of("assistant"));
    assertEquals(MessageRole.ASSISTANT.hashCode(), MessageRole.of("assistant").hashCode());
    assertEquals(
        "value == null",
        assertThrows(NullPointerException.class, () -> MessageRole.of(null)).getMessage());
  }

  @Test
  void propertiesAddedByTheCallerAreSent() {
    server.stubFor(post(urlEqualTo("/v2/conversations")).willReturn(okJson(Fixtures.CONVERSATION)));

    client
        .conversations()
        .create(
            CreateConversationRequest.builder()
                .projectId("p")
                .putAdditionalProperty("labels", JsonParser.parseString("[\"a\",null]"))
                .build())
        .execute();

    assertEquals(
        "{\"projectId\":\"p\",\"labels\":[\"a\",null]}",
        TestServers.requests(server).get(0).getBodyAsString());
    assertEquals(
        "projectId is a declared property of CreateConversationRequest: use its builder method",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    CreateConversationRequest.builder()
                        .putAdditionalProperty("projectId", new JsonPrimitive("q")))
            .getMessage());
  }

  static Stream<Arguments> wrongShapes() {
    String conversation =
        "\"_id\":\"conv_1\",\"displayName\":\"x\",\"createdAt\":1,\"updatedAt\":2";
    String message =
        "\"_id\":\"m\",\"conversationId\":\"conv_1\",\"createdAt\":1,\"createdById\":\"u\",\"role\":\"user\"";
    return Stream.of(
        arguments(
            "enum of the wrong JSON type",
            "{" + conversation + ",\"kind\":5,\"messages\":[]}",
            "invalid value at $.kind: expected a string for ConversationKind but was NUMBER"),
        arguments(
            "number out of range",
            "{\"kind\":\"conversation\","
                + conversation.replace("\"createdAt\":1", "\"createdAt\":1e30")
                + ",\"messages\":[]}",
            "$.createdAt"),
        arguments(
            "string of the wrong JSON type",
            "{\"kind\":\"conversation\","
                + conversation.replace("\"x\"", "[1]")
                + ",\"messages\":[]}",
            "invalid value at $.displayName: expected a string but was BEGIN_ARRAY"),
        arguments(
            "union member of the wrong shape",
            "{\"kind\":\"conversation\","
                + conversation
                + ",\"messages\":[{"
                + message
                + ",\"parts\":[{\"kind\":\"text\",\"text\":{\"t\":1}}]}]}",
            "invalid value at $.messages[0].parts[0].text: expected a string but was BEGIN_OBJECT"),
        arguments(
            "number out of range in a union member",
            "{\"kind\":\"conversation\","
                + conversation
                + ",\"messages\":[{"
                + message
                + ",\"parts\":[{\"kind\":\"error\",\"error\":\"e\",\"code\":3000000000}]}]}",
            "invalid value at $.messages[0].parts[0].code: expected a 32-bit whole number but was"
                + " 3000000000"),
        arguments(
            "required property missing in a union member",
            "{\"kind\":\"conversation\","
                + conversation
                + ",\"messages\":[{"
                + message
                + ",\"parts\":[{\"kind\":\"text\",\"lang\":\"en\"}]}]}",
            "the required property \"messages[0].parts[0].text\" is missing"),
        arguments(
            "union member without its discriminator",
            "{\"kind\":\"conversation\","
                + conversation
                + ",\"messages\":[{"
                + message
                + ",\"parts\":[{\"text\":\"no kind\"}]}]}",
            "the required property \"messages[0].parts[0].kind\" is missing"),
        arguments(
            "union that is not an object",
            "{\"kind\":\"conversation\","
                + conversation
                + ",\"messages\":[{"
                + message
                + ",\"parts\":[7]}]}",
            "invalid value at $.messages[0].parts[0]: expected an object for MessagePart but was"
                + " NUMBER"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongShapes")
  void jsonOfTheWrongShapeIsAnInvalidResponseNamingThePath(
      String what, String body, String expected) {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(body)));

    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () -> client.conversations().retrieve("conv_1").execute());

    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(200, e.statusCode());
    assertEquals(body, e.bodySnippet());
  }

  @Test
  void anUnknownMemberGoesBackAsReceived() {
    JsonObject raw =
        JsonParser.parseString("{\"kind\":\"video\",\"url\":\"u\",\"length\":null}")
            .getAsJsonObject();
    Gson gson = JsonModels.newGson();

    assertEquals(
        "{\"role\":\"user\",\"parts\":[{\"kind\":\"video\",\"url\":\"u\",\"length\":null}]}",
        gson.toJson(Messages.user(MessagePart.Unknown.of(raw))));
    assertEquals(
        "raw has no string kind",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    MessagePart.Unknown.of(
                        JsonParser.parseString("{\"url\":\"u\"}").getAsJsonObject()))
            .getMessage());
  }
}
