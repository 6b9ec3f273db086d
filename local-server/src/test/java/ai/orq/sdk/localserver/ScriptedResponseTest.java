package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ScriptedResponseTest {
  private static final ScriptedToolCall WEATHER =
      ScriptedToolCall.of("call_1", "get_weather", "{\"city\":\"Lisbon\"}");

  @AutoClose private final LocalOrqServer server = LocalOrqServer.builder().build().start();
  private final Http http = new Http(server);

  @Test
  void everyStepAndEndingSendsEventsOfTheSpec() {
    List<ScriptedResponse> scripts =
        List.of(
            ScriptedResponse.builder()
                .reasoning("Think", "ing")
                .text("Hel", "lo")
                .fileUri("https://files.example/forecast.pdf", "application/pdf")
                .fileBytes(new byte[] {1, 2, 3}, "image/png")
                .data("{\"celsius\":21}")
                .toolStarted(WEATHER)
                .toolReviewRequested(WEATHER.withToolId("tool_01"))
                .toolReviewDone(WEATHER, true)
                .toolReviewDone(WEATHER, false)
                .toolDone(WEATHER, "{\"celsius\":21}")
                .toolDone(WEATHER, "\"sunny\"")
                .toolFailed(WEATHER, "upstream timeout")
                .pause(Duration.ofMillis(1))
                .finishWithToolCalls(WEATHER, ScriptedToolCall.of("call_2", "get_time", "{}"))
                .build(),
            ScriptedResponse.builder().text("cut").finish("length").build(),
            ScriptedResponse.builder().text("oops").fail(503, "model overloaded").build(),
            ScriptedResponse.builder().text("half").truncate().build());
    List<String> types = new ArrayList<>();
    Set<String> kinds = new TreeSet<>();
    for (ScriptedResponse script : scripts) {
      server.enqueue(script);
      for (String data : http.stream(newConversation(), Http.userMessage("hi", "openai/gpt-4o"))) {
        if (data.equals("[DONE]")) {
          continue;
        }
        JsonObject event = Http.parse(data).getAsJsonObject();
        assertEquals(List.of(), SpecSchemas.problems(event, "ResponseEvent"), data);
        types.add(event.get("type").getAsString());
        JsonObject eventData = event.getAsJsonObject("data");
        for (String part : List.of("delta", "part")) {
          if (eventData.has(part)) {
            kinds.add(eventData.getAsJsonObject(part).get("kind").getAsString());
          }
        }
        if (event.get("type").getAsString().equals("response.started")) {
          JsonObject started = event.getAsJsonObject("data");
          assertTrue(
              started.has("taskId") && started.get("taskId").getAsString().startsWith("task_"),
              "the deprecated taskId, optional in the spec, is still sent: " + data);
        }
      }
    }
    assertEquals(
        List.of(
            "response.started",
            "part.delta",
            "part.delta",
            "part.done",
            "part.delta",
            "part.delta",
            "part.done",
            "part.done",
            "part.done",
            "part.done",
            "tool.started",
            "tool.review.requested",
            "tool.review.done",
            "tool.review.done",
            "tool.done",
            "tool.done",
            "tool.failed",
            "response.done",
            "response.started",
            "part.delta",
            "part.done",
            "response.done",
            "response.started",
            "part.delta",
            "part.done",
            "response.failed",
            "response.started",
            "part.delta",
            "part.done"),
        types);
    Set<String> unsent = new TreeSet<>(eventTypesOfTheSpec());
    unsent.removeAll(types);
    assertEquals(
        Set.of(), unsent, "event types of the spec that no step of ScriptedResponse sends");
    Set<String> unsentKinds = new TreeSet<>(SpecSchemas.discriminatorValues("ResponsePart"));
    unsentKinds.removeAll(kinds);
    assertEquals(
        Set.of(), unsentKinds, "part kinds of the spec that no step of ScriptedResponse sends");
  }

  /** The discriminator values of the spec's {@code ResponseEvent}. */
  private static Set<String> eventTypesOfTheSpec() {
    return SpecSchemas.discriminatorValues("ResponseEvent");
  }

  @Test
  void fileAndDataPartsAreSentWholeInOnePartDone() {
    server.enqueue(
        ScriptedResponse.builder()
            .fileUri("https://files.example/a.pdf", "application/pdf")
            .fileBytes(new byte[] {1, 2, 3}, "image/png")
            .data("{\"rows\":[1,2]}")
            .build());
    List<JsonObject> events =
        events(http.stream(newConversation(), Http.userMessage("files", "openai/gpt-4o")));
    List<String> parts = new ArrayList<>();
    for (JsonObject event : events.subList(1, 4)) {
      assertEquals("part.done", event.get("type").getAsString());
      JsonObject part = event.getAsJsonObject("data").getAsJsonObject("part");
      part.remove("_id");
      parts.add(part.toString());
    }
    assertEquals(
        List.of(
            "{\"kind\":\"file\",\"file\":{\"type\":\"uri\",\"uri\":\"https://files.example/a.pdf\","
                + "\"mimeType\":\"application/pdf\"}}",
            "{\"kind\":\"file\",\"file\":{\"type\":\"bytes\",\"bytes\":\"AQID\",\"mimeType\":\"image/png\"}}",
            "{\"kind\":\"data\",\"data\":{\"rows\":[1,2]}}"),
        parts);
    assertEquals("response.done", events.get(4).get("type").getAsString());
    assertThrows(IllegalArgumentException.class, () -> ScriptedResponse.builder().data("[1]"));
    assertThrows(
        IllegalArgumentException.class, () -> ScriptedResponse.builder().fileUri(" ", "a/b"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ScriptedResponse.builder().fileBytes(new byte[0], ""));
  }

  @Test
  void everyFinishReasonOfTheSpecCanBeScripted() {
    assertEquals(SpecSchemas.schema("FinishReason").get("enum"), ScriptedResponse.FINISH_REASONS);
    for (String reason : ScriptedResponse.FINISH_REASONS) {
      server.enqueue(ScriptedResponse.builder().finish(reason).build());
      List<JsonObject> events =
          events(http.stream(newConversation(), Http.userMessage("a", "openai/gpt-4o")));
      assertEquals(reason, events.get(1).getAsJsonObject("data").get("finishReason").getAsString());
    }
  }

  @Test
  void textStreamsInTheGivenChunksAndIsStored() {
    server.enqueue(
        ScriptedResponse.builder().reasoning("Hmm").text("Hel", "lo, ", "world").build());
    String id = newConversation();
    List<JsonObject> events =
        events(http.stream(id, Http.userMessage("say hello", "openai/gpt-4o")));

    List<String> deltas = new ArrayList<>();
    for (JsonObject event : events) {
      if (event.get("type").getAsString().equals("part.delta")) {
        JsonObject delta = event.getAsJsonObject("data").getAsJsonObject("delta");
        deltas.add(
            delta.get("kind").getAsString()
                + ":"
                + delta.get(delta.get("kind").getAsString()).getAsString());
      }
    }
    assertEquals(List.of("reasoning:Hmm", "text:Hel", "text:lo, ", "text:world"), deltas);
    JsonObject textDone = events.get(6).getAsJsonObject("data");
    assertEquals("Hello, world", textDone.getAsJsonObject("part").get("text").getAsString());
    JsonObject done = events.get(7).getAsJsonObject("data");
    assertEquals("stop", done.get("finishReason").getAsString());
    assertEquals(
        2,
        done.getAsJsonObject("usage").get("prompt_tokens").getAsInt(),
        "words of the user's text");
    assertEquals(
        4, done.getAsJsonObject("usage").get("completion_tokens").getAsInt(), "chunks streamed");

    JsonArray messages = Http.json(http.get("v2/conversations/" + id)).getAsJsonArray("messages");
    assertEquals(2, messages.size());
    JsonObject assistant = messages.get(1).getAsJsonObject();
    assertEquals("assistant", assistant.get("role").getAsString());
    assertEquals(
        1,
        assistant.getAsJsonArray("parts").size(),
        "the text part; reasoning is not a message part");
    assertEquals(
        "Hello, world",
        assistant.getAsJsonArray("parts").get(0).getAsJsonObject().get("text").getAsString());
  }

  @Test
  void pendingToolCallsCarryTheArgumentsAsAJsonString() {
    server.enqueue(ScriptedResponse.builder().finishWithToolCalls(WEATHER).build());
    List<JsonObject> events =
        events(http.stream(newConversation(), Http.userMessage("weather?", "openai/gpt-4o")));

    JsonObject done = events.get(events.size() - 1).getAsJsonObject("data");
    assertEquals("function_call", done.get("finishReason").getAsString());
    JsonObject call = done.getAsJsonArray("pendingToolCalls").get(0).getAsJsonObject();
    assertEquals("call_1", call.get("id").getAsString());
    assertEquals("function", call.get("type").getAsString());
    assertEquals("get_weather", call.getAsJsonObject("function").get("name").getAsString());
    assertEquals(
        "{\"city\":\"Lisbon\"}", call.getAsJsonObject("function").get("arguments").getAsString());
  }

  @Test
  void aFailedOrTruncatedResponseStoresNoAssistantMessage() {
    server.enqueue(
        ScriptedResponse.builder().text("par", "tial").fail(429, "rate limited upstream").build(),
        ScriptedResponse.builder().text("par", "tial").truncate().build());
    String id = newConversation();

    List<String> failed = http.stream(id, Http.userMessage("one", "openai/gpt-4o"));
    assertEquals("[DONE]", failed.get(failed.size() - 1));
    JsonObject data =
        Http.parse(failed.get(failed.size() - 2)).getAsJsonObject().getAsJsonObject("data");
    assertEquals(429, data.get("code").getAsInt());
    assertEquals("rate limited upstream", data.get("error").getAsString());

    List<String> truncated = http.stream(id, Http.userMessage("two", "openai/gpt-4o"));
    assertEquals(
        "part.done",
        Http.parse(truncated.get(truncated.size() - 1)).getAsJsonObject().get("type").getAsString(),
        "the stream stops after the last scripted step, without [DONE]");

    JsonArray messages = Http.json(http.get("v2/conversations/" + id)).getAsJsonArray("messages");
    assertEquals(2, messages.size(), "the two user messages only");
  }

  @Test
  void scriptsPlayInOrderThenTheServerEchoesAgain() {
    server.enqueue(ScriptedResponse.text("first"), ScriptedResponse.text("second"));
    String id = newConversation();
    assertEquals("first", text(http.stream(id, Http.userMessage("a", "openai/gpt-4o"))));
    assertEquals("second", text(http.stream(id, Http.userMessage("b", "openai/gpt-4o"))));
    assertEquals("You said: c", text(http.stream(id, Http.userMessage("c", "openai/gpt-4o"))));
  }

  @Test
  void aRequestTheServerRejectsDoesNotUseUpTheScript() {
    server.enqueue(ScriptedResponse.text("kept"));
    String id = newConversation();
    Http.error(
        http.post("v2/conversations/" + id + "/responses", "{\"model\":\"openai/gpt-4o\"}"), 422);
    assertEquals("kept", text(http.stream(id, Http.userMessage("a", "openai/gpt-4o"))));
  }

  @Test
  void headersDelayHoldsTheResponseBack() {
    server.enqueue(
        ScriptedResponse.builder().headersDelay(Duration.ofSeconds(5)).text("late").build());
    String id = newConversation();
    HttpRequest request =
        http.request(
            "POST",
            "v2/conversations/" + id + "/responses",
            Http.userMessage("a", "openai/gpt-4o"));
    assertThrows(
        HttpTimeoutException.class,
        () ->
            Http.client()
                .send(
                    HttpRequest.newBuilder(request, (name, value) -> true)
                        .timeout(Duration.ofMillis(100))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void eventDelayAndPausesSpaceTheEventsOut() {
    server.enqueue(
        ScriptedResponse.builder()
            .eventDelay(Duration.ofMillis(15))
            .text("a", "b")
            .pause(Duration.ofMillis(30))
            .build());
    String id = newConversation();
    long start = System.nanoTime();
    List<String> data = http.stream(id, Http.userMessage("a", "openai/gpt-4o"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(6, data.size(), "started, 2 deltas, part.done, response.done, [DONE]");
    assertTrue(millis >= 4 * 15 + 30, "4 delayed events and a pause took only " + millis + " ms");
  }

  @Test
  void badArgumentsFailWithAMessageNamingThem() {
    ScriptedResponse.Builder builder = ScriptedResponse.builder();
    assertEquals(
        "text needs at least one chunk",
        assertThrows(IllegalArgumentException.class, builder::text).getMessage());
    assertEquals(
        "chunks[1] == null",
        assertThrows(NullPointerException.class, () -> builder.reasoning("a", null)).getMessage());
    assertEquals(
        "call == null",
        assertThrows(NullPointerException.class, () -> builder.toolStarted(null)).getMessage());
    assertEquals(
        "resultJson is not valid JSON: {",
        assertThrows(IllegalArgumentException.class, () -> builder.toolDone(WEATHER, "{"))
            .getMessage());
    assertEquals(
        "error is blank",
        assertThrows(IllegalArgumentException.class, () -> builder.toolFailed(WEATHER, " "))
            .getMessage());
    assertEquals(
        "pause is negative: PT-0.001S",
        assertThrows(IllegalArgumentException.class, () -> builder.pause(Duration.ofMillis(-1)))
            .getMessage());
    assertEquals(
        "headersDelay == null",
        assertThrows(NullPointerException.class, () -> builder.headersDelay(null)).getMessage());
    assertEquals(
        "eventDelay == null",
        assertThrows(NullPointerException.class, () -> builder.eventDelay(null)).getMessage());
    assertEquals(
        "code must be an error status from 400 to 599, was 200",
        assertThrows(IllegalArgumentException.class, () -> builder.fail(200, "x")).getMessage());
    assertEquals(
        "finishReason is blank",
        assertThrows(IllegalArgumentException.class, () -> builder.finish("")).getMessage());
    assertEquals(
        "finishReason must be one of " + ScriptedResponse.FINISH_REASONS + ", was \"done\"",
        assertThrows(IllegalArgumentException.class, () -> builder.finish("done")).getMessage());
    assertEquals(
        "calls is empty: name at least one pending tool call",
        assertThrows(IllegalArgumentException.class, builder::finishWithToolCalls).getMessage());
    assertEquals(
        "calls[0] == null",
        assertThrows(
                NullPointerException.class,
                () -> builder.finishWithToolCalls((ScriptedToolCall) null))
            .getMessage());
    builder.truncate();
    assertEquals(
        "the response already ends with a truncated stream",
        assertThrows(IllegalStateException.class, () -> builder.finish("stop")).getMessage());
    assertEquals("ScriptedResponse{0 steps, a truncated stream}", builder.build().toString());
    assertEquals(
        "argumentsJson must be a JSON object, was [1]",
        assertThrows(IllegalArgumentException.class, () -> ScriptedToolCall.of("c", "t", "[1]"))
            .getMessage());
    assertEquals(
        "toolName == null",
        assertThrows(NullPointerException.class, () -> ScriptedToolCall.of("c", null, "{}"))
            .getMessage());
    assertEquals(
        "toolId is blank",
        assertThrows(IllegalArgumentException.class, () -> WEATHER.withToolId("")).getMessage());
    assertEquals("ScriptedToolCall{call_1, get_weather{\"city\":\"Lisbon\"}}", WEATHER.toString());
    assertEquals("call_1", WEATHER.toolCallId());
    assertEquals(
        "responses[1] == null",
        assertThrows(
                NullPointerException.class, () -> server.enqueue(ScriptedResponse.text("a"), null))
            .getMessage());
  }

  private String newConversation() {
    return http.createStandalone().get("_id").getAsString();
  }

  private static List<JsonObject> events(List<String> data) {
    List<JsonObject> events = new ArrayList<>();
    for (String line : data) {
      if (!line.equals("[DONE]")) {
        events.add(Http.parse(line).getAsJsonObject());
      }
    }
    return events;
  }

  /** The text of the first part.done. */
  private static String text(List<String> data) {
    for (JsonObject event : events(data)) {
      if (event.get("type").getAsString().equals("part.done")) {
        return event.getAsJsonObject("data").getAsJsonObject("part").get("text").getAsString();
      }
    }
    throw new AssertionError("no part.done in " + data);
  }
}
