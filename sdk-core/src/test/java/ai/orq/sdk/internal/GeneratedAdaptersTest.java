package ai.orq.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.orq.sdk.model.UnknownFileSource;
import ai.orq.sdk.model.UnknownMessagePart;
import ai.orq.sdk.model.UnknownResponseEvent;
import ai.orq.sdk.model.UnknownResponseFile;
import ai.orq.sdk.model.UnknownResponsePart;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.generated.ModelJsonException;
import ai.orq.sdk.model.ErrorPart;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.ToolCallType;
import ai.orq.sdk.model.UserRole;
import ai.orq.sdk.model.FileBytes;
import ai.orq.sdk.model.FilePart;
import ai.orq.sdk.model.FileSource;
import ai.orq.sdk.model.FileUri;
import ai.orq.sdk.model.MessagePart;
import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.PartDoneEvent;
import ai.orq.sdk.model.ResponseDataPart;
import ai.orq.sdk.model.ResponseDoneEvent;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseFailedEvent;
import ai.orq.sdk.model.ResponseFileBytes;
import ai.orq.sdk.model.ResponseFilePart;
import ai.orq.sdk.model.ResponseFileUri;
import ai.orq.sdk.model.ResponsePart;
import ai.orq.sdk.model.ResponseReasoningPart;
import ai.orq.sdk.model.ResponseStartedEvent;
import ai.orq.sdk.model.ResponseTextPart;
import ai.orq.sdk.model.TextPart;
import ai.orq.sdk.model.ToolDoneEvent;
import ai.orq.sdk.model.ToolFailedEvent;
import ai.orq.sdk.model.ToolResultPart;
import ai.orq.sdk.model.ToolReviewDoneEvent;
import ai.orq.sdk.model.ToolReviewRequestedEvent;
import ai.orq.sdk.model.ToolStartedEvent;
import ai.orq.sdk.model.UpdateConversationRequest;
import ai.orq.sdk.model.UserMessage;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The five unions: known members, unknown variants kept raw, discriminators filled on write. */
class GeneratedAdaptersTest {
  private final Gson gson = JsonModels.newGson();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "response.started | ai.orq.sdk.model.ResponseStartedEvent | {'responseId':'r','model':'m','workflowRunId':'w'}",
    "response.done | ai.orq.sdk.model.ResponseDoneEvent | {'finishReason':'stop'}",
    "response.failed | ai.orq.sdk.model.ResponseFailedEvent | {'error':'e','code':500}",
    "tool.started | ai.orq.sdk.model.ToolStartedEvent | {'toolId':'t','toolCallId':'c','arguments':{}}",
    "tool.done | ai.orq.sdk.model.ToolDoneEvent | {'toolId':'t','toolCallId':'c'}",
    "tool.failed | ai.orq.sdk.model.ToolFailedEvent | {'toolId':'t','toolCallId':'c','error':'e'}",
    "tool.review.requested | ai.orq.sdk.model.ToolReviewRequestedEvent | {'toolId':'t','toolCallId':'c','arguments':{},'requiresApproval':true}",
    "tool.review.done | ai.orq.sdk.model.ToolReviewDoneEvent | {'toolId':'t','toolCallId':'c','review':'approved'}",
    "part.delta | ai.orq.sdk.model.PartDeltaEvent | {'partId':'p','delta':{'_id':'p','kind':'text','text':'a'}}",
    "part.done | ai.orq.sdk.model.PartDoneEvent | {'partId':'p','part':{'_id':'p','kind':'text','text':'a'}}",
  })
  void eachEventTypeHasItsClass(String type, Class<?> expected, String data) {
    ResponseEvent event = gson.fromJson("{\"type\":\"" + type + "\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":"
        + data.replace('\'', '"') + "}", ResponseEvent.class);

    assertEquals(expected, event.getClass());
    assertEquals(type, event.getType());
  }

  @Test
  void eventsCarryTheirData() {
    ResponseDoneEvent done = (ResponseDoneEvent) gson.fromJson("""
        {"type":"response.done","timestamp":"t","data":{"finishReason":"max_tokens_v2",
         "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15},
         "pendingToolCalls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]}}
        """, ResponseEvent.class);
    assertEquals("max_tokens_v2", done.getData().getFinishReason().asString(), "an unknown enum value is kept");
    assertEquals(FinishReason.Value._UNKNOWN, done.getData().getFinishReason().value());
    assertEquals(ToolCallType.FUNCTION, done.getData().getPendingToolCalls().get(0).getType());
    assertEquals(15L, done.getData().getUsage().getTotalTokens());
    assertEquals("f", done.getData().getPendingToolCalls().get(0).getFunction().getName());

    ToolStartedEvent started = (ToolStartedEvent) gson.fromJson("""
        {"type":"tool.started","timestamp":"t","data":{"toolId":"t1","toolCallId":"c1","arguments":{"n":1,"x":1.5}}}
        """, ResponseEvent.class);
    assertEquals(Map.of("n", 1L, "x", 1.5), started.getData().getArguments(), "whole numbers read as longs");

    ResponseFailedEvent failed = (ResponseFailedEvent) gson.fromJson(
        "{\"type\":\"response.failed\",\"timestamp\":\"t\",\"data\":{\"error\":\"boom\",\"code\":503}}",
        ResponseEvent.class);
    assertEquals(503, failed.getData().getCode());
  }

  @Test
  void anUnknownEventTypeKeepsItsJson() {
    String json = "{\"type\":\"response.paused\",\"timestamp\":\"t\",\"data\":{\"why\":\"later\"}}";

    UnknownResponseEvent event = assertInstanceOf(UnknownResponseEvent.class, gson.fromJson(json, ResponseEvent.class));

    assertEquals("response.paused", event.getType());
    assertEquals(JsonParser.parseString(json), event.raw());
    assertEquals(json, gson.toJson(event, ResponseEvent.class), "written back as received");
  }

  @Test
  void responsePartsAndFiles() {
    PartDeltaEvent delta = (PartDeltaEvent) gson.fromJson(
        "{\"type\":\"part.delta\",\"timestamp\":\"t\",\"data\":{\"partId\":\"p1\","
            + "\"delta\":{\"_id\":\"p1\",\"kind\":\"text\",\"text\":\"Hel\"}}}", ResponseEvent.class);
    assertEquals("Hel", ((ResponseTextPart) delta.getData().getDelta()).getText());

    assertInstanceOf(ResponseReasoningPart.class, part("{\"_id\":\"p\",\"kind\":\"reasoning\",\"reasoning\":\"hmm\"}"));
    ResponseDataPart data = (ResponseDataPart) part("{\"_id\":\"p\",\"kind\":\"data\",\"data\":{\"rows\":[1,2]}}");
    assertEquals(Map.of("rows", List.of(1L, 2L)), data.getData());
    ResponseFilePart bytes = (ResponseFilePart) part("{\"_id\":\"p\",\"kind\":\"file\",\"file\":{\"type\":\"bytes\",\"bytes\":\"AAE=\"}}");
    assertEquals("AAE=", ((ResponseFileBytes) bytes.getFile()).getBytes());
    ResponseFilePart uri = (ResponseFilePart) part("{\"_id\":\"p\",\"kind\":\"file\",\"file\":{\"type\":\"uri\",\"uri\":\"https://x/y\"}}");
    assertEquals("https://x/y", ((ResponseFileUri) uri.getFile()).getUri());

    ResponseFilePart other = (ResponseFilePart) part("{\"_id\":\"p\",\"kind\":\"file\",\"file\":{\"type\":\"s3\",\"key\":\"k\"}}");
    UnknownResponseFile file = assertInstanceOf(UnknownResponseFile.class, other.getFile());
    assertEquals("s3", file.getType());
    assertEquals("k", file.raw().get("key").getAsString());

    UnknownResponsePart audio = assertInstanceOf(UnknownResponsePart.class, part("{\"kind\":\"audio\",\"pcm\":\"…\"}"));
    assertEquals("audio", audio.getKind());
  }

  private ResponsePart part(String json) {
    PartDoneEvent done = (PartDoneEvent) gson.fromJson(
        "{\"type\":\"part.done\",\"timestamp\":\"t\",\"data\":{\"partId\":\"p\",\"part\":" + json + "}}",
        ResponseEvent.class);
    return done.getData().getPart();
  }

  @Test
  void messagePartsAndFileSources() {
    assertEquals("hi", ((TextPart) messagePart("{\"kind\":\"text\",\"text\":\"hi\"}")).getText());
    FilePart bytes = (FilePart) messagePart("{\"kind\":\"file\",\"file\":{\"bytes\":\"AAE=\",\"mimeType\":\"image/png\"}}");
    assertEquals("image/png", ((FileBytes) bytes.getFile()).getMimeType());
    FilePart uri = (FilePart) messagePart("{\"kind\":\"file\",\"file\":{\"uri\":\"https://x/y.pdf\"}}");
    assertEquals("https://x/y.pdf", ((FileUri) uri.getFile()).getUri());
    ToolResultPart result = (ToolResultPart) messagePart(
        "{\"kind\":\"tool_result\",\"tool_call_id\":\"call_1\",\"result\":{\"temp\":21,\"ok\":true}}");
    assertEquals("call_1", result.getToolCallId());
    assertEquals(Map.of("temp", 21L, "ok", true), result.getResult());
    assertEquals(429, ((ErrorPart) messagePart("{\"kind\":\"error\",\"error\":\"e\",\"code\":429}")).getCode());

    for (String file : List.of("{\"path\":\"/tmp/x\"}", "{\"bytes\":\"AA==\",\"uri\":\"https://x\"}")) {
      FilePart part = (FilePart) messagePart("{\"kind\":\"file\",\"file\":" + file + "}");
      UnknownFileSource source = assertInstanceOf(UnknownFileSource.class, part.getFile());
      assertEquals(JsonParser.parseString(file), source.raw());
    }
  }

  @Test
  void anUnknownOrMissingKindIsKeptNotDropped() {
    UnknownMessagePart image = assertInstanceOf(UnknownMessagePart.class,
        messagePart("{\"kind\":\"image\",\"url\":\"https://x/cat.png\"}"));
    assertEquals("image", image.getKind());
    assertEquals("https://x/cat.png", image.raw().get("url").getAsString());

    assertNull(((UnknownMessagePart) messagePart("{\"text\":\"no kind\"}")).getKind());
    assertNull(((UnknownMessagePart) messagePart("{\"kind\":7}")).getKind());
    assertNull(gson.fromJson("null", MessagePart.class));
  }

  @Test
  void aUnionThatIsNotAnObjectFailsToParseNamingThePath() {
    JsonParseException e = assertThrows(JsonParseException.class, () -> gson.fromJson("\"text\"", MessagePart.class));
    assertEquals("invalid value at $: expected an object for MessagePart but was STRING", e.getMessage());

    ModelJsonException nested = assertThrows(ModelJsonException.class, () -> part("[1]"));
    assertEquals("$.data.part", nested.path());
  }

  @Test
  void aFailureInsideAUnionMemberNamesItsWholePath() {
    ModelJsonException number = assertThrows(ModelJsonException.class,
        () -> messagePart("{\"kind\":\"error\",\"error\":\"e\",\"code\":30000000000}"));
    assertEquals("$.code", number.path());

    ModelJsonException deep = assertThrows(ModelJsonException.class,
        () -> part("{\"_id\":\"p\",\"kind\":\"file\",\"file\":{\"type\":\"uri\"}}"));
    assertEquals("$.data.part.file.uri", deep.path());
    assertEquals("the required property \"data.part.file.uri\" is missing", deep.getMessage());
  }

  private MessagePart messagePart(String json) {
    return gson.fromJson(json, MessagePart.class);
  }

  @Test
  void writingFillsInMissingDiscriminators() {
    UserMessage message = new UserMessage().role(UserRole.USER).parts(List.of(
        new TextPart().text("hi"),
        new FilePart().file(new FileUri().uri("https://x/y.pdf")),
        new ToolResultPart().toolCallId("call_1").result(Map.of("ok", true)),
        new ErrorPart().error("e"),
        new TextPart().kind("markdown").text("kept")));

    assertEquals("{\"role\":\"user\",\"parts\":["
        + "{\"kind\":\"text\",\"text\":\"hi\"},"
        + "{\"kind\":\"file\",\"file\":{\"uri\":\"https://x/y.pdf\"}},"
        + "{\"kind\":\"tool_result\",\"tool_call_id\":\"call_1\",\"result\":{\"ok\":true}},"
        + "{\"kind\":\"error\",\"error\":\"e\"},"
        + "{\"kind\":\"markdown\",\"text\":\"kept\"}]}", gson.toJson(message));
  }

  @Test
  void unknownVariantsAreWrittenBackAsReceived() {
    JsonObject raw = JsonParser.parseString("{\"kind\":\"image\",\"url\":\"https://x/<cat>.png\",\"w\":null}")
        .getAsJsonObject();
    UserMessage message = new UserMessage().role(UserRole.USER).parts(List.of(new UnknownMessagePart(raw)));
    FilePart file = new FilePart().kind("file").file(new UnknownFileSource(new JsonObject()));

    assertEquals("{\"role\":\"user\",\"parts\":[{\"kind\":\"image\",\"url\":\"https://x/<cat>.png\",\"w\":null}]}",
        gson.toJson(message));
    assertEquals("{\"kind\":\"file\",\"file\":{}}", gson.toJson(file));
    assertEquals("{\"message\":{\"role\":\"user\",\"parts\":[]},\"model\":\"m\",\"task_id\":\"t\",\"stream\":true}",
        gson.toJson(new CreateResponseRequest().message(new UserMessage().role(UserRole.USER).parts(List.of()))
            .model("m").taskId("t")));
  }

  @Test
  void unknownVariantsAreValues() {
    JsonObject raw = JsonParser.parseString("{\"kind\":\"image\"}").getAsJsonObject();
    UnknownMessagePart part = new UnknownMessagePart(raw);
    raw.addProperty("kind", "changed");
    part.raw().addProperty("kind", "changed too");

    assertEquals("image", part.getKind());
    assertEquals(JsonParser.parseString("{\"kind\":\"image\"}"), part.raw());
    assertEquals(new UnknownMessagePart(part.raw()), part);
    assertEquals(new UnknownMessagePart(part.raw()).hashCode(), part.hashCode());
    assertNotEquals(new UnknownResponsePart(part.raw()), part);
    assertNotEquals(null, part);
    assertEquals("UnknownMessagePart{\"kind\":\"image\"}", part.toString());
    assertThrows(NullPointerException.class, () -> new UnknownFileSource(null));
  }

  @Test
  void anExplicitNullOfANullablePropertyRoundTrips() {
    UpdateConversationRequest request = gson.fromJson(
        "{\"displayName\":\"x\",\"metadata\":{\"entityId\":null}}", UpdateConversationRequest.class);

    assertEquals("x", request.getDisplayName());
    assertNull(request.getMetadata().getEntityId());
    assertEquals("{\"displayName\":\"x\",\"metadata\":{\"entityId\":null}}", gson.toJson(request));
    assertEquals("{\"displayName\":\"x\"}", gson.toJson(gson.fromJson("{\"displayName\":\"x\",\"metadata\":null}",
        UpdateConversationRequest.class)), "null for a property the spec does not make nullable is absent");
  }
}
