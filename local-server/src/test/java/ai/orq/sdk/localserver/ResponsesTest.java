package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResponsesTest {
  private static final String ULID = "[0-9a-hjkmnp-tv-z]{26}";

  @AutoClose private final LocalOrqServer server = LocalOrqServer.builder().build().start();
  private final Http http = new Http(server);
  private String id;

  @BeforeEach
  void createConversation() {
    id = http.createStandalone().get("_id").getAsString();
  }

  private static List<JsonObject> events(List<String> data) {
    assertEquals("[DONE]", data.get(data.size() - 1), "[DONE] comes last");
    List<JsonObject> events = new ArrayList<>();
    for (String json : data.subList(0, data.size() - 1)) {
      JsonObject event = Http.parse(json).getAsJsonObject();
      Instant.parse(event.get("timestamp").getAsString()); // ISO-8601 UTC
      events.add(event);
    }
    return events;
  }

  @Test
  void streamsTheExactEventSequence() {
    HttpResponse<String> response =
        http.post(
            "v2/conversations/" + id + "/responses",
            Http.userMessage("hello there  world", "openai/gpt-4o"));
    assertEquals(200, response.statusCode());
    assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse(null));
    assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(null));
    assertTrue(response.body().endsWith("data: [DONE]\n\n"), response.body());
    assertTrue(response.body().startsWith("data: {\"type\":\"response.started\""), response.body());

    List<JsonObject> events = events(Http.dataLines(response.body()));
    List<String> types = new ArrayList<>();
    for (JsonObject event : events) {
      types.add(event.get("type").getAsString());
    }
    String reply = "You said: hello there  world";
    List<String> expected = new ArrayList<>(List.of("response.started"));
    for (int i = 0; i < 5; i++) {
      expected.add("part.delta");
    }
    expected.add("part.done");
    expected.add("response.done");
    assertEquals(expected, types);

    JsonObject started = events.get(0).getAsJsonObject("data");
    assertTrue(started.get("responseId").getAsString().matches("resp_" + ULID));
    assertTrue(started.get("taskId").getAsString().matches("task_" + ULID));
    assertEquals("openai/gpt-4o", started.get("model").getAsString());
    assertTrue(started.get("workflowRunId").getAsString().matches("wf_" + ULID));
    assertTrue(started.get("userMessageId").getAsString().matches("msg_" + ULID));
    assertTrue(started.get("assistantMessageId").getAsString().matches("msg_" + ULID));

    StringBuilder concatenated = new StringBuilder();
    List<String> chunks = new ArrayList<>();
    String partId = events.get(1).getAsJsonObject("data").get("partId").getAsString();
    assertTrue(partId.matches("text_" + ULID), partId);
    for (JsonObject event : events.subList(1, 6)) {
      JsonObject data = event.getAsJsonObject("data");
      assertEquals(partId, data.get("partId").getAsString());
      JsonObject delta = data.getAsJsonObject("delta");
      assertEquals(partId, delta.get("_id").getAsString());
      assertEquals("text", delta.get("kind").getAsString());
      chunks.add(delta.get("text").getAsString());
      concatenated.append(delta.get("text").getAsString());
    }
    assertEquals(List.of("You ", "said: ", "hello ", "there  ", "world"), chunks);
    assertEquals(reply, concatenated.toString());

    JsonObject done = events.get(6).getAsJsonObject("data");
    assertEquals(partId, done.get("partId").getAsString());
    JsonObject part = done.getAsJsonObject("part");
    assertEquals(partId, part.get("_id").getAsString());
    assertEquals("text", part.get("kind").getAsString());
    assertEquals(concatenated.toString(), part.get("text").getAsString());

    JsonObject finished = events.get(7).getAsJsonObject("data");
    assertEquals("stop", finished.get("finishReason").getAsString());
    JsonObject usage = finished.getAsJsonObject("usage");
    assertEquals(3, usage.get("prompt_tokens").getAsInt());
    assertEquals(5, usage.get("completion_tokens").getAsInt());
    assertEquals(8, usage.get("total_tokens").getAsInt());
  }

  @Test
  void bothMessagesAreStoredAndRetrievable() {
    String body =
        "{\"message\":{\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"Hi\"},"
            + "{\"kind\":\"file\",\"file\":{\"uri\":\"https://example.com/a.pdf\",\"mimeType\":\"application/pdf\"}},"
            + "{\"kind\":\"text\",\"text\":\"again\"}]},\"model\":\"anthropic/claude\",\"stream\":true}";
    List<JsonObject> events = events(http.stream(id, body));
    JsonObject started = events.get(0).getAsJsonObject("data");

    JsonObject conversation = Http.json(http.get("v2/conversations/" + id));
    JsonArray messages = conversation.getAsJsonArray("messages");
    assertEquals(2, messages.size());

    JsonObject user = messages.get(0).getAsJsonObject();
    assertEquals(started.get("userMessageId"), user.get("_id"));
    assertEquals(id, user.get("conversationId").getAsString());
    assertEquals("user", user.get("role").getAsString());
    assertEquals("user_local", user.get("createdById").getAsString());
    assertTrue(user.get("createdAt").getAsJsonPrimitive().isNumber());
    assertEquals(
        Http.parse(body).getAsJsonObject().getAsJsonObject("message").get("parts"),
        user.get("parts"),
        "user parts stored as sent");

    JsonObject assistant = messages.get(1).getAsJsonObject();
    assertEquals(started.get("assistantMessageId"), assistant.get("_id"));
    assertEquals(id, assistant.get("conversationId").getAsString());
    assertEquals("assistant", assistant.get("role").getAsString());
    assertEquals("system", assistant.get("createdById").getAsString());
    JsonObject part = assistant.getAsJsonArray("parts").get(0).getAsJsonObject();
    assertEquals(1, assistant.getAsJsonArray("parts").size());
    assertEquals("text", part.get("kind").getAsString());
    assertEquals("You said: Hi again", part.get("text").getAsString());
    assertEquals(
        events.get(events.size() - 2).getAsJsonObject("data").getAsJsonObject("part"), part);
    assertTrue(
        conversation.get("updatedAt").getAsLong() > conversation.get("createdAt").getAsLong());

    http.stream(id, Http.userMessage("second turn", "openai/gpt-4o"));
    JsonArray after = Http.json(http.get("v2/conversations/" + id)).getAsJsonArray("messages");
    assertEquals(4, after.size());
    assertEquals(
        "You said: second turn",
        after
            .get(3)
            .getAsJsonObject()
            .getAsJsonArray("parts")
            .get(0)
            .getAsJsonObject()
            .get("text")
            .getAsString());
  }

  @Test
  void taskIdAndMessageIdFromTheRequestAreUsed() {
    String body =
        "{\"message\":{\"role\":\"user\",\"messageId\":\"01jj1hdhn79xas7a01wb3hysdb\","
            + "\"parts\":[{\"kind\":\"text\",\"text\":\"x\"}]},\"model\":\"openai/gpt-4o\",\"task_id\":\"task_mine\"}";
    JsonObject started = events(http.stream(id, body)).get(0).getAsJsonObject("data");
    assertEquals("task_mine", started.get("taskId").getAsString());
    assertEquals("01jj1hdhn79xas7a01wb3hysdb", started.get("userMessageId").getAsString());
    assertNotEquals(started.get("userMessageId"), started.get("assistantMessageId"));
  }

  @Test
  void messageWithoutTextGetsAFixedReply() {
    String body =
        "{\"message\":{\"role\":\"user\",\"parts\":[{\"kind\":\"tool_result\",\"tool_call_id\":\"c1\","
            + "\"result\":{\"ok\":true}}]},\"model\":\"openai/gpt-4o\"}";
    List<JsonObject> events = events(http.stream(id, body));
    JsonObject done = events.get(events.size() - 2).getAsJsonObject("data");
    assertEquals(Reply.NO_TEXT, done.getAsJsonObject("part").get("text").getAsString());
    assertEquals(
        0,
        events
            .get(events.size() - 1)
            .getAsJsonObject("data")
            .getAsJsonObject("usage")
            .get("prompt_tokens")
            .getAsInt());
  }

  @Test
  void unknownConversationIs404BeforeStreaming() {
    HttpResponse<String> response =
        http.post("v2/conversations/conv_nope/responses", Http.userMessage("hi", "openai/gpt-4o"));
    assertEquals("Conversation conv_nope not found", Http.error(response, 404));
    assertFalse(response.body().contains("data:"));
  }

  @Test
  void invalidRequestsAre422() {
    String text = "[{\"kind\":\"text\",\"text\":\"hi\"}]";
    String[][] cases = {
      {
        "{\"message\":{\"role\":\"user\",\"parts\":" + text + "}}",
        "model is required and must be a non-empty string"
      },
      {
        "{\"message\":{\"role\":\"user\",\"parts\":" + text + "},\"model\":\"gpt-4o\"}",
        "model must have the form provider/model_id, got \"gpt-4o\""
      },
      {"{\"model\":\"openai/gpt-4o\"}", "message is required"},
      {
        "{\"message\":{\"parts\":" + text + "},\"model\":\"openai/gpt-4o\"}",
        "message.role must be \"user\""
      },
      {
        "{\"message\":{\"role\":\"assistant\",\"parts\":" + text + "},\"model\":\"openai/gpt-4o\"}",
        "message.role must be \"user\""
      },
      {
        "{\"message\":{\"role\":\"user\"},\"model\":\"openai/gpt-4o\"}",
        "message.parts is required and must not be empty"
      },
      {
        "{\"message\":{\"role\":\"user\",\"parts\":[]},\"model\":\"openai/gpt-4o\"}",
        "message.parts is required and must not be empty"
      },
      {
        "{\"message\":{\"role\":\"user\",\"parts\":\"hi\"},\"model\":\"openai/gpt-4o\"}",
        "message.parts must be an array"
      },
      {
        "{\"message\":{\"role\":\"user\",\"parts\":[\"hi\"]},\"model\":\"openai/gpt-4o\"}",
        "message.parts[0] must be an object"
      },
      {
        "{\"message\":{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]},\"model\":\"openai/gpt-4o\"}",
        "message.parts[0].kind is required and must be a non-empty string"
      },
      {
        "{\"message\":{\"role\":\"user\",\"parts\":[{\"kind\":\"text\"}]},\"model\":\"openai/gpt-4o\"}",
        "message.parts[0].text is required for a text part"
      },
      {
        "{\"message\":{\"role\":\"user\",\"parts\":"
            + text
            + "},\"model\":\"openai/gpt-4o\",\"stream\":\"yes\"}",
        "stream must be a boolean"
      },
      {
        "{\"message\":{\"role\":\"user\",\"parts\":"
            + text
            + "},\"model\":\"openai/gpt-4o\",\"task_id\":1}",
        "task_id must be a string"
      },
    };
    for (String[] c : cases) {
      assertEquals(
          c[1], Http.error(http.post("v2/conversations/" + id + "/responses", c[0]), 422), c[0]);
    }
    Http.error(http.post("v2/conversations/" + id + "/responses", "{oops"), 400);
    assertEquals(
        0,
        Http.json(http.get("v2/conversations/" + id)).getAsJsonArray("messages").size(),
        "nothing stored for rejected requests");
  }
}
