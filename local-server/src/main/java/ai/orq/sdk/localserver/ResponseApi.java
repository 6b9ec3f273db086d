package ai.orq.sdk.localserver;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /v2/conversations/{id}/responses}: validates the request, stores the user message
 * (404 before any event when the conversation is unknown), then streams response.started, one
 * part.delta per word, part.done, response.done and {@code [DONE]}. The assistant message is stored
 * just before part.done; when the client goes away earlier, streaming stops and it is not stored.
 */
final class ResponseApi {
  private final ConversationStore store;
  private final Ulid ulid;
  private final long tokenDelayNanos;

  ResponseApi(ConversationStore store, Ulid ulid, Duration tokenDelay) {
    this.store = store;
    this.ulid = ulid;
    this.tokenDelayNanos = tokenDelay.toNanos();
  }

  void respond(HttpExchange exchange, String conversationId, JsonObject body) throws IOException {
    JsonObject message = Json.optionalObject(body, "message", "message");
    if (message == null) {
      throw ApiError.unprocessable("message is required");
    }
    if (!"user".equals(Json.optionalString(message, "role", "message.role"))) {
      throw ApiError.unprocessable("message.role must be \"user\"");
    }
    JsonArray parts = requireParts(message);
    String messageId = Json.optionalString(message, "messageId", "message.messageId");
    String model = Json.requiredString(body, "model", "model");
    if (!model.matches("[^/\\s]+/\\S+")) {
      throw ApiError.unprocessable("model must have the form provider/model_id, got \"" + model + "\"");
    }
    String taskId = Json.optionalString(body, "task_id", "task_id");
    Json.optionalBoolean(body, "stream", "stream"); // type-checked only: this server always streams

    String userMessageId = messageId != null ? messageId : ulid.next("msg");
    store.addMessage(conversationId, message(userMessageId, conversationId, "user", parts.deepCopy()));

    JsonObject started = new JsonObject();
    started.addProperty("responseId", ulid.next("resp"));
    started.addProperty("taskId", taskId != null ? taskId : ulid.next("task"));
    started.addProperty("model", model);
    started.addProperty("workflowRunId", ulid.next("wf"));
    started.addProperty("userMessageId", userMessageId);
    started.addProperty("assistantMessageId", ulid.next("msg"));

    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0); // chunked
    EventStreamWriter events = new EventStreamWriter(exchange.getResponseBody());
    try {
      stream(events, conversationId, started, Reply.to(parts));
    } catch (IOException e) {
      // The client went away mid-stream: nothing to tell anyone, just stop.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is closing
    }
  }

  private void stream(EventStreamWriter events, String conversationId, JsonObject started, Reply reply)
      throws IOException, InterruptedException {
    events.event("response.started", started);
    String partId = ulid.next("text");
    for (String chunk : reply.chunks) {
      if (tokenDelayNanos > 0) {
        TimeUnit.NANOSECONDS.sleep(tokenDelayNanos);
      }
      JsonObject delta = new JsonObject();
      delta.addProperty("partId", partId);
      delta.add("delta", textPart(partId, chunk));
      events.event("part.delta", delta);
    }

    JsonArray assistantParts = new JsonArray();
    assistantParts.add(textPart(partId, reply.text));
    String assistantMessageId = started.get("assistantMessageId").getAsString();
    try {
      store.addMessage(conversationId, message(assistantMessageId, conversationId, "assistant", assistantParts));
    } catch (ApiError deletedMeanwhile) {
      // The conversation was deleted while we streamed; finish the stream all the same.
    }

    JsonObject done = new JsonObject();
    done.addProperty("partId", partId);
    done.add("part", textPart(partId, reply.text));
    events.event("part.done", done);

    JsonObject usage = new JsonObject();
    usage.addProperty("prompt_tokens", reply.promptTokens);
    usage.addProperty("completion_tokens", reply.completionTokens());
    usage.addProperty("total_tokens", reply.promptTokens + reply.completionTokens());
    JsonObject finished = new JsonObject();
    finished.addProperty("finishReason", "stop");
    finished.add("usage", usage);
    events.event("response.done", finished);
    events.done();
  }

  private static JsonArray requireParts(JsonObject message) {
    JsonArray parts = Json.optionalArray(message, "parts", "message.parts");
    if (parts == null || parts.size() == 0) {
      throw ApiError.unprocessable("message.parts is required and must not be empty");
    }
    for (int i = 0; i < parts.size(); i++) {
      String path = "message.parts[" + i + "]";
      JsonElement element = parts.get(i);
      if (!element.isJsonObject()) {
        throw ApiError.unprocessable(path + " must be an object");
      }
      JsonObject part = element.getAsJsonObject();
      String kind = Json.requiredString(part, "kind", path + ".kind");
      if ("text".equals(kind) && Json.optionalString(part, "text", path + ".text") == null) {
        throw ApiError.unprocessable(path + ".text is required for a text part");
      }
    }
    return parts;
  }

  private static JsonObject textPart(String id, String text) {
    JsonObject part = new JsonObject();
    part.addProperty("_id", id);
    part.addProperty("kind", "text");
    part.addProperty("text", text);
    return part;
  }

  private static JsonObject message(String id, String conversationId, String role, JsonArray parts) {
    JsonObject message = new JsonObject();
    message.addProperty("_id", id);
    message.addProperty("conversationId", conversationId);
    message.addProperty("createdAt", System.currentTimeMillis());
    message.addProperty("createdById", "user".equals(role) ? Conversation.LOCAL_USER : "system");
    message.addProperty("role", role);
    message.add("parts", parts);
    return message;
  }
}
