package ai.orq.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqJson;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ErrorPart;
import ai.orq.sdk.model.FilePart;
import ai.orq.sdk.model.FileSource;
import ai.orq.sdk.model.FileUri;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.MessagePart;
import ai.orq.sdk.model.ModelJsonException;
import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.PartDoneEvent;
import ai.orq.sdk.model.ResponseDataPart;
import ai.orq.sdk.model.ResponseDoneEvent;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseFailedEvent;
import ai.orq.sdk.model.ResponseFile;
import ai.orq.sdk.model.ResponseFilePart;
import ai.orq.sdk.model.ResponsePart;
import ai.orq.sdk.model.ResponseStartedEvent;
import ai.orq.sdk.model.TextPart;
import ai.orq.sdk.model.ToolCallType;
import ai.orq.sdk.model.ToolDoneEvent;
import ai.orq.sdk.model.ToolFailedEvent;
import ai.orq.sdk.model.ToolResultPart;
import ai.orq.sdk.model.ToolReviewDoneEvent;
import ai.orq.sdk.model.ToolReviewRequestedEvent;
import ai.orq.sdk.model.ToolStartedEvent;
import ai.orq.sdk.model.UpdateConversationRequest;
import ai.orq.sdk.model.UserMessage;
import ai.orq.sdk.model.UserRole;
import com.google.gson.Gson;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The five unions: known members, unknown variants kept raw, typed dispatch, each member writing
 * its own discriminator.
 */
class GeneratedAdaptersTest {
  /** The class of the member each visit method is called with. */
  private static final ResponseEvent.Visitor<Class<?>> MEMBER_CLASS =
      new ResponseEvent.Visitor<>() {
        @Override
        public Class<?> visitResponseStarted(ResponseStartedEvent e) {
          return ResponseStartedEvent.class;
        }

        @Override
        public Class<?> visitResponseDone(ResponseDoneEvent e) {
          return ResponseDoneEvent.class;
        }

        @Override
        public Class<?> visitResponseFailed(ResponseFailedEvent e) {
          return ResponseFailedEvent.class;
        }

        @Override
        public Class<?> visitToolStarted(ToolStartedEvent e) {
          return ToolStartedEvent.class;
        }

        @Override
        public Class<?> visitToolDone(ToolDoneEvent e) {
          return ToolDoneEvent.class;
        }

        @Override
        public Class<?> visitToolFailed(ToolFailedEvent e) {
          return ToolFailedEvent.class;
        }

        @Override
        public Class<?> visitToolReviewRequested(ToolReviewRequestedEvent e) {
          return ToolReviewRequestedEvent.class;
        }

        @Override
        public Class<?> visitToolReviewDone(ToolReviewDoneEvent e) {
          return ToolReviewDoneEvent.class;
        }

        @Override
        public Class<?> visitPartDelta(PartDeltaEvent e) {
          return PartDeltaEvent.class;
        }

        @Override
        public Class<?> visitPartDone(PartDoneEvent e) {
          return PartDoneEvent.class;
        }

        @Override
        public Class<?> otherwise(ResponseEvent member) {
          return ResponseEvent.Unknown.class;
        }
      };

  private final Gson gson = JsonModels.newGson();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "response.started | ai.orq.sdk.model.ResponseStartedEvent |"
            + " {'responseId':'r','model':'m','workflowRunId':'w'}",
        "response.done | ai.orq.sdk.model.ResponseDoneEvent | {'finishReason':'stop'}",
        "response.failed | ai.orq.sdk.model.ResponseFailedEvent | {'error':'e','code':500}",
        "tool.started | ai.orq.sdk.model.ToolStartedEvent |"
            + " {'toolId':'t','toolCallId':'c','arguments':{}}",
        "tool.done | ai.orq.sdk.model.ToolDoneEvent | {'toolId':'t','toolCallId':'c'}",
        "tool.failed | ai.orq.sdk.model.ToolFailedEvent |"
            + " {'toolId':'t','toolCallId':'c','error':'e'}",
        "tool.review.requested | ai.orq.sdk.model.ToolReviewRequestedEvent |"
            + " {'toolId':'t','toolCallId':'c','arguments':{},'requiresApproval':true}",
        "tool.review.done | ai.orq.sdk.model.ToolReviewDoneEvent |"
            + " {'toolId':'t','toolCallId':'c','review':'approved'}",
        "part.delta | ai.orq.sdk.model.PartDeltaEvent |"
            + " {'partId':'p','delta':{'_id':'p','kind':'text','text':'a'}}",
        "part.done | ai.orq.sdk.model.PartDoneEvent |"
            + " {'partId':'p','part':{'_id':'p','kind':'text','text':'a'}}",
      })
  void eachEventTypeHasItsClass(String type, Class<?> expected, String data) {
    ResponseEvent event =
        gson.fromJson(
            "{\"type\":\""
                + type
                + "\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":"
                + data.replace('\'', '"')
                + "}",
            ResponseEvent.class);

    assertEquals(expected, event.getClass());
    assertEquals(type, event.getType().asString());
    assertEquals(ResponseEvent.Type.of(type), event.getType());
    assertNotEquals(ResponseEvent.Type.Value._UNKNOWN, event.getType().value());
    assertEquals(expected, event.accept(MEMBER_CLASS));
    assertFalse(event.isUnknown());
    assertEquals(
        "Expected an unknown member, but this ResponseEvent is " + expected.getSimpleName(),
        assertThrows(IllegalStateException.class, event::asUnknown).getMessage());
  }

  @Test
  void eventsCarryTheirData() {
    ResponseEvent read =
        gson.fromJson(
            """
            {"type":"response.done","timestamp":"t","data":{"finishReason":"max_tokens_v2",
             "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15},
             "pendingToolCalls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]}}
            """,
            ResponseEvent.class);
    assertTrue(read.isResponseDone());
    ResponseDoneEvent done = read.asResponseDone();
    assertEquals(ResponseEvent.Type.RESPONSE_DONE, done.getType());
    assertEquals(
        "max_tokens_v2",
        done.getData().getFinishReason().asString(),
        "an unknown enum value is kept");
    assertEquals(FinishReason.Value._UNKNOWN, done.getData().getFinishReason().value());
    assertEquals(ToolCallType.FUNCTION, done.getData().getPendingToolCalls().get(0).getType());
    assertEquals(15L, done.getData().getUsage().getTotalTokens());
    assertEquals("f", done.getData().getPendingToolCalls().get(0).getFunction().getName());
    assertEquals(
        "Expected part.delta, but this ResponseEvent is response.done (ResponseDoneEvent)",
        assertThrows(IllegalStateException.class, read::asPartDelta).getMessage());

    ToolStartedEvent started =
        gson.fromJson(
                """
                {"type":"tool.started","timestamp":"t","data":{"toolId":"t1","toolCallId":"c1","arguments":{"n":1,"x":1.5}}}
                """,
                ResponseEvent.class)
            .asToolStarted();
    assertEquals(JsonParser.parseString("{\"n\":1,\"x\":1.5}"), started.getData().getArguments());
    assertEquals(
        Map.of("n", 1L, "x", 1.5),
        OrqJson.bind(started.getData().getArguments(), Map.class),
        "whole numbers bind as longs");

    ResponseFailedEvent failed =
        gson.fromJson(
                "{\"type\":\"response.failed\",\"timestamp\":\"t\",\"data\":{\"error\":\"boom\",\"code\":503}}",
                ResponseEvent.class)
            .asResponseFailed();
    assertEquals(503, failed.getData().getCode());
  }

  @Test
  void anUnknownEventTypeKeepsItsJson() {
    String json = "{\"type\":\"response.paused\",\"timestamp\":\"t\",\"data\":{\"why\":\"later\"}}";

    ResponseEvent read = gson.fromJson(json, ResponseEvent.class);
    assertTrue(read.isUnknown());
    ResponseEvent.Unknown event = read.asUnknown();

    assertEquals("response.paused", event.getType().asString());
    assertEquals(ResponseEvent.Type.Value._UNKNOWN, event.getType().value());
    assertEquals(ResponseEvent.Unknown.class, event.accept(MEMBER_CLASS));
    assertEquals(JsonParser.parseString(json), event.raw());
    assertEquals(json, gson.toJson(event, ResponseEvent.class), "written back as received");
    assertEquals(
        "Expected response.done, but this ResponseEvent is response.paused (Unknown)",
        assertThrows(IllegalStateException.class, read::asResponseDone).getMessage());
  }

  @Test
  void anEventWithoutATypeIsAnErrorNamingIt() {
    ModelJsonException e =
        assertThrows(
            ModelJsonException.class,
            () -> gson.fromJson("{\"timestamp\":\"t\",\"data\":{}}", ResponseEvent.class));

    assertTrue(e.isMissingProperty());
    assertEquals("$.type", e.path());
    assertEquals("the required property \"type\" is missing", e.getMessage());
    assertEquals(
        "raw has no string type",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ResponseEvent.Unknown.of(
                        JsonParser.parseString("{\"type\":1}").getAsJsonObject()))
            .getMessage());
  }

  @Test
  void responsePartsAndFiles() {
    PartDeltaEvent delta =
        gson.fromJson(
                "{\"type\":\"part.delta\",\"timestamp\":\"t\",\"data\":{\"partId\":\"p1\","
                    + "\"delta\":{\"_id\":\"p1\",\"kind\":\"text\",\"text\":\"Hel\"}}}",
                ResponseEvent.class)
            .asPartDelta();
    assertEquals("Hel", delta.getData().getDelta().asText().getText());

    assertTrue(part("{\"_id\":\"p\",\"kind\":\"reasoning\",\"reasoning\":\"hmm\"}").isReasoning());
    ResponseDataPart data =
        part("{\"_id\":\"p\",\"kind\":\"data\",\"data\":{\"rows\":[1,2]}}").asData();
    assertEquals(JsonParser.parseString("{\"rows\":[1,2]}"), data.getData());
    assertEquals(Map.of("rows", List.of(1L, 2L)), OrqJson.bind(data.getData(), Map.class));
    ResponseFilePart bytes =
        part("{\"_id\":\"p\",\"kind\":\"file\",\"file\":{\"type\":\"bytes\",\"bytes\":\"AAE=\"}}")
            .asFile();
    assertEquals("AAE=", bytes.getFile().asBytes().getBytes());
    ResponseFilePart uri =
        part("{\"_id\":\"p\",\"kind\":\"file\",\"file\":{\"type\":\"uri\",\"uri\":\"https://x/y\"}}")
            .asFile();
    assertEquals("https://x/y", uri.getFile().asUri().getUri());

    ResponseFilePart other =
        part("{\"_id\":\"p\",\"kind\":\"file\",\"file\":{\"type\":\"s3\",\"key\":\"k\"}}").asFile();
    assertTrue(other.getFile().isUnknown());
    ResponseFile.Unknown file = other.getFile().asUnknown();
    assertEquals("s3", file.getType().asString());
    assertEquals(ResponseFile.Type.Value._UNKNOWN, file.getType().value());
    assertEquals("k", file.raw().get("key").getAsString());

    ResponsePart audio = part("{\"kind\":\"audio\",\"pcm\":\"…\"}");
    assertTrue(audio.isUnknown());
    assertEquals("audio", audio.getKind().asString());
    assertEquals(ResponsePart.Kind.Value._UNKNOWN, audio.getKind().value());
  }

  private ResponsePart part(String json) {
    PartDoneEvent done =
        gson.fromJson(
                "{\"type\":\"part.done\",\"timestamp\":\"t\",\"data\":{\"partId\":\"p\",\"part\":"
                    + json
                    + "}}",
                ResponseEvent.class)
            .asPartDone();
    return done.getData().getPart();
  }

  @Test
  void messagePartsAndFileSources() {
    assertEquals("hi", messagePart("{\"kind\":\"text\",\"text\":\"hi\"}").asText().getText());
    FilePart bytes =
        messagePart("{\"kind\":\"file\",\"file\":{\"bytes\":\"AAE=\",\"mimeType\":\"image/png\"}}")
            .asFile();
    assertEquals("image/png", bytes.getFile().asFileBytes().getMimeType());
    FilePart uri =
        messagePart("{\"kind\":\"file\",\"file\":{\"uri\":\"https://x/y.pdf\"}}").asFile();
    assertEquals("https://x/y.pdf", uri.getFile().asFileUri().getUri());
    ToolResultPart result =
        messagePart(
                "{\"kind\":\"tool_result\",\"tool_call_id\":\"call_1\",\"result\":{\"temp\":21,\"ok\":true}}")
            .asToolResult();
    assertEquals("call_1", result.getToolCallId());
    assertEquals(JsonParser.parseString("{\"temp\":21,\"ok\":true}"), result.getResult());
    assertEquals(Map.of("temp", 21L, "ok", true), OrqJson.bind(result.getResult(), Map.class));
    assertEquals(
        429, messagePart("{\"kind\":\"error\",\"error\":\"e\",\"code\":429}").asError().getCode());

    for (String file :
        List.of("{\"path\":\"/tmp/x\"}", "{\"bytes\":\"AA==\",\"uri\":\"https://x\"}")) {
      FilePart part = messagePart("{\"kind\":\"file\",\"file\":" + file + "}").asFile();
      assertTrue(part.getFile().isUnknown(), file);
      FileSource.Unknown source = part.getFile().asUnknown();
      assertEquals(JsonParser.parseString(file), source.raw());
    }
  }

  @Test
  void aJsonNullResultIsJsonNullAndAnAbsentOneIsNull() {
    ToolResultPart nullResult =
        messagePart("{\"kind\":\"tool_result\",\"tool_call_id\":\"c\",\"result\":null}")
            .asToolResult();
    ToolResultPart noResult =
        messagePart("{\"kind\":\"tool_result\",\"tool_call_id\":\"c\"}").asToolResult();

    assertEquals(JsonNull.INSTANCE, nullResult.getResult());
    assertNull(noResult.getResult());
    assertNotEquals(nullResult, noResult);
    assertEquals(
        "{\"kind\":\"tool_result\",\"tool_call_id\":\"c\",\"result\":null}",
        gson.toJson(nullResult));
    assertEquals("{\"kind\":\"tool_result\",\"tool_call_id\":\"c\"}", gson.toJson(noResult));
  }

  @Test
  void anUnknownKindIsKeptNotDropped() {
    MessagePart read = messagePart("{\"kind\":\"image\",\"url\":\"https://x/cat.png\"}");
    assertTrue(read.isUnknown());
    MessagePart.Unknown image = read.asUnknown();
    assertEquals("image", image.getKind().asString());
    assertEquals(MessagePart.Kind.Value._UNKNOWN, image.getKind().value());
    assertEquals("https://x/cat.png", image.raw().get("url").getAsString());
    assertNull(gson.fromJson("null", MessagePart.class));
  }

  @Test
  void aMissingKindIsAnErrorNamingItsPath() {
    ModelJsonException missing =
        assertThrows(ModelJsonException.class, () -> messagePart("{\"text\":\"no kind\"}"));
    assertTrue(missing.isMissingProperty());
    assertEquals("$.kind", missing.path());
    assertEquals("the required property \"kind\" is missing", missing.getMessage());

    ModelJsonException notAString =
        assertThrows(ModelJsonException.class, () -> messagePart("{\"kind\":7}"));
    assertEquals("$.kind", notAString.path());
    assertFalse(notAString.isMissingProperty(), "present, but not a string");
    assertEquals("invalid value at $.kind: must be a string, not 7", notAString.getMessage());

    ModelJsonException nested =
        assertThrows(ModelJsonException.class, () -> part("{\"_id\":\"p\",\"text\":\"a\"}"));
    assertEquals("$.data.part.kind", nested.path());
    assertEquals("the required property \"data.part.kind\" is missing", nested.getMessage());
  }

  @Test
  void aUnionThatIsNotAnObjectFailsToParseNamingThePath() {
    JsonParseException e =
        assertThrows(JsonParseException.class, () -> gson.fromJson("\"text\"", MessagePart.class));
    assertEquals(
        "invalid value at $: expected an object for MessagePart but was STRING", e.getMessage());

    ModelJsonException nested = assertThrows(ModelJsonException.class, () -> part("[1]"));
    assertEquals("$.data.part", nested.path());
  }

  @Test
  void aFailureInsideAUnionMemberNamesItsWholePath() {
    ModelJsonException number =
        assertThrows(
            ModelJsonException.class,
            () -> messagePart("{\"kind\":\"error\",\"error\":\"e\",\"code\":30000000000}"));
    assertEquals("$.code", number.path());

    ModelJsonException deep =
        assertThrows(
            ModelJsonException.class,
            () -> part("{\"_id\":\"p\",\"kind\":\"file\",\"file\":{\"type\":\"uri\"}}"));
    assertEquals("$.data.part.file.uri", deep.path());
    assertEquals("the required property \"data.part.file.uri\" is missing", deep.getMessage());
  }

  private MessagePart messagePart(String json) {
    return gson.fromJson(json, MessagePart.class);
  }

  @Test
  void eachMemberWritesItsOwnDiscriminator() {
    UserMessage message =
        UserMessage.builder()
            .role(UserRole.USER)
            .parts(
                List.of(
                    TextPart.builder().text("hi").build(),
                    FilePart.builder()
                        .file(FileUri.builder().uri("https://x/y.pdf").build())
                        .build(),
                    ToolResultPart.builder()
                        .toolCallId("call_1")
                        .result(OrqJson.toJson(Map.of("ok", true)))
                        .build(),
                    ErrorPart.builder().error("e").build(),
                    MessagePart.Unknown.of(
                        JsonParser.parseString("{\"kind\":\"markdown\",\"text\":\"kept\"}")
                            .getAsJsonObject())))
            .build();

    assertEquals(
        "{\"role\":\"user\",\"parts\":["
            + "{\"kind\":\"text\",\"text\":\"hi\"},"
            + "{\"kind\":\"file\",\"file\":{\"uri\":\"https://x/y.pdf\"}},"
            + "{\"kind\":\"tool_result\",\"tool_call_id\":\"call_1\",\"result\":{\"ok\":true}},"
            + "{\"kind\":\"error\",\"error\":\"e\"},"
            + "{\"kind\":\"markdown\",\"text\":\"kept\"}]}",
        gson.toJson(message));
    assertEquals(
        List.of(
            MessagePart.Kind.TEXT,
            MessagePart.Kind.FILE,
            MessagePart.Kind.TOOL_RESULT,
            MessagePart.Kind.ERROR,
            MessagePart.Kind.of("markdown")),
        message.getParts().stream().map(MessagePart::getKind).toList());
  }

  @Test
  void aMemberReadDirectlyRefusesAnotherDiscriminator() {
    ModelJsonException e =
        assertThrows(
            ModelJsonException.class,
            () -> gson.fromJson("{\"kind\":\"markdown\",\"text\":\"x\"}", TextPart.class));

    assertEquals("$.kind", e.path());
    assertEquals("invalid value at $.kind: expected \"text\" for this member", e.getMessage());
    assertEquals(
        "hi",
        gson.fromJson("{\"text\":\"hi\"}", TextPart.class).getText(),
        "an absent discriminator is implied");
  }

  @Test
  void unknownVariantsAreWrittenBackAsReceived() {
    JsonObject raw =
        JsonParser.parseString("{\"kind\":\"image\",\"url\":\"https://x/<cat>.png\",\"w\":null}")
            .getAsJsonObject();
    UserMessage message =
        UserMessage.builder()
            .role(UserRole.USER)
            .addMessagePart(MessagePart.Unknown.of(raw))
            .build();
    FilePart file = FilePart.builder().file(FileSource.Unknown.of(new JsonObject())).build();

    assertEquals(
        "{\"role\":\"user\",\"parts\":[{\"kind\":\"image\",\"url\":\"https://x/<cat>.png\",\"w\":null}]}",
        gson.toJson(message));
    assertEquals("{\"kind\":\"file\",\"file\":{}}", gson.toJson(file));
    assertEquals(
        "{\"message\":{\"role\":\"user\",\"parts\":[]},\"model\":\"m\",\"task_id\":\"t\",\"stream\":true}",
        gson.toJson(
            CreateResponseRequest.builder()
                .message(UserMessage.builder().role(UserRole.USER).parts(List.of()).build())
                .model("m")
                .taskId("t")
                .build()));
  }

  @Test
  void unknownVariantsAreValues() {
    JsonObject raw = JsonParser.parseString("{\"kind\":\"image\"}").getAsJsonObject();
    MessagePart.Unknown part = MessagePart.Unknown.of(raw);
    raw.addProperty("kind", "changed");
    part.raw().addProperty("kind", "changed too");

    assertEquals("image", part.getKind().asString());
    assertEquals(JsonParser.parseString("{\"kind\":\"image\"}"), part.raw());
    assertEquals(MessagePart.Unknown.of(part.raw()), part);
    assertEquals(MessagePart.Unknown.of(part.raw()).hashCode(), part.hashCode());
    assertNotEquals(ResponsePart.Unknown.of(part.raw()), part);
    assertNotEquals(null, part);
    assertEquals("MessagePart.Unknown{\"kind\":\"image\"}", part.toString());
    assertThrows(NullPointerException.class, () -> FileSource.Unknown.of(null));
  }

  @Test
  void anExplicitNullOfANullablePropertyRoundTrips() {
    UpdateConversationRequest request =
        gson.fromJson(
            "{\"displayName\":\"x\",\"metadata\":{\"entityId\":null}}",
            UpdateConversationRequest.class);

    assertEquals("x", request.getDisplayName());
    assertNull(request.getMetadata().getEntityId());
    assertEquals("{\"displayName\":\"x\",\"metadata\":{\"entityId\":null}}", gson.toJson(request));
    assertEquals(
        "{\"displayName\":\"x\"}",
        gson.toJson(
            gson.fromJson(
                "{\"displayName\":\"x\",\"metadata\":null}", UpdateConversationRequest.class)),
        "null for a property the spec does not make nullable is absent");
  }
}
