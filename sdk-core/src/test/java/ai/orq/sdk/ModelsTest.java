package ai.orq.sdk;

import static ai.orq.sdk.TestServers.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.errors.InvalidResponseException;
import ai.orq.sdk.internal.JsonModels;
import ai.orq.sdk.model.ConversationKind;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.FileSource;
import ai.orq.sdk.model.Message;
import ai.orq.sdk.model.MessagePart;
import ai.orq.sdk.model.MessageRole;
import ai.orq.sdk.model.TextPart;
import ai.orq.sdk.model.ToolResultPart;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.gson.JsonParser;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a newer server may send: unknown part kinds, enum values and fields, over HTTP. */
class ModelsTest {
  private static final String PATH = "/v2/conversations/conv_1";

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @AutoClose
  private final OrqClient client =
      TestServers.client(server, new RecordingScheduler()).maxRetries(0).build();

  @ParameterizedTest
  @EnumSource(Mode.class)
  void unknownKindsAndEnumValuesAreKept(Mode mode) {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                okJson(
                    """
                    {"_id":"conv_1","kind":"conversation.v3","displayName":"x","createdAt":1,"updatedAt":2,"labels":["new"],
                     "messages":[{"_id":"msg_1","conversationId":"conv_1","createdAt":1,"createdById":"system","role":"system",
                       "parts":[
                         {"kind":"text","text":"Here you go","annotations":[]},
                         {"kind":"image","url":"https://x/cat.png","alt":"a cat"},
                         {"kind":"file","file":{"bytes":"iVBORw==","mimeType":"image/png","name":"cat.png"}},
                         {"kind":"file","file":{"s3":"bucket/key"}},
                         {"kind":"tool_result","tool_call_id":"call_1","result":[1,2.5,"three",null]}]}]}
                    """)));

    ConversationWithMessages conversation =
        mode.run(client.conversations().retrieve("conv_1")).body();

    assertEquals("conversation.v3", conversation.getKind().asString());
    assertEquals(ConversationKind.Value._UNKNOWN, conversation.getKind().value());
    assertEquals("[\"new\"]", conversation.additionalProperties().get("labels").toString());
    Message message = conversation.getMessages().get(0);
    assertEquals(MessageRole.of("system"), message.getRole());
    List<MessagePart> parts = message.getParts();
    assertEquals("Here you go", parts.get(0).asText().getText());
    assertTrue(parts.get(1).isUnknown());
    MessagePart.Unknown image = parts.get(1).asUnknown();
    assertEquals("image", image.getKind().asString());
    assertEquals("a cat", image.raw().get("alt").getAsString());
    assertEquals("cat.png", parts.get(2).asFile().getFile().asFileBytes().getName());
    assertTrue(parts.get(3).asFile().getFile().isUnknown());
    FileSource.Unknown s3 = parts.get(3).asFile().getFile().asUnknown();
    assertEquals("bucket/key", s3.raw().get("s3").getAsString());
    ToolResultPart toolResult = parts.get(4).asToolResult();
    assertEquals(JsonParser.parseString("[1,2.5,\"three\",null]"), toolResult.getResult());
    assertEquals(
        Arrays.asList(1L, 2.5, "three", null), OrqJson.bind(toolResult.getResult(), List.class));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aPartThatIsNotAnObjectIsAnInvalidResponse(Mode mode) {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                okJson(
                    """
                    {"_id":"conv_1","kind":"conversation","displayName":"x","createdAt":1,"updatedAt":2,
                     "messages":[{"_id":"msg_1","role":"user","parts":["just text"]}]}
                    """)));

    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () -> mode.run(client.conversations().retrieve("conv_1")));

    assertTrue(
        e.getMessage()
            .contains(
                "invalid value at $.messages[0].parts[0]: expected an object for MessagePart but"
                    + " was STRING"),
        e.getMessage());
  }

  @Test
  void messagesBuildsUserMessagesWithTheirKinds() {
    assertEquals(
        "{\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"Hello\"}]}",
        JsonModels.newGson().toJson(Messages.userText("Hello")));
    assertEquals(
        "{\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"a\"},"
            + "{\"kind\":\"tool_result\",\"tool_call_id\":\"c\",\"result\":{\"ok\":true}}]}",
        JsonModels.newGson()
            .toJson(
                Messages.user(
                    TextPart.builder().text("a").build(),
                    ToolResultPart.builder()
                        .toolCallId("c")
                        .result(OrqJson.toJson(Map.of("ok", true)))
                        .build())));
    assertEquals(
        "text == null",
        assertThrows(NullPointerException.class, () -> Messages.userText(null)).getMessage());
    assertEquals(
        "parts == null",
        assertThrows(NullPointerException.class, () -> Messages.user((MessagePart[]) null))
            .getMessage());
    assertEquals(
        "parts[1] == null",
        assertThrows(
                NullPointerException.class,
                () -> Messages.user(TextPart.builder().text("a").build(), null))
            .getMessage());
  }
}
