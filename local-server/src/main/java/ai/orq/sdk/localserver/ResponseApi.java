package ai.orq.sdk.localserver;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * {@code POST /v2/conversations/{id}/responses}: validates the request, stores the user message
 * (404 before any event when the conversation is unknown), then streams response.started and the
 * next {@link ScriptedResponse} queued, or by default the echo: one part.delta per word, part.done,
 * response.done and {@code [DONE]}. When the client goes away, streaming stops.
 */
final class ResponseApi {
  private final ConversationStore store;
  private final Ulid ulid;
  private final Duration tokenDelay;
  private final Script scripts;

  ResponseApi(ConversationStore store, Ulid ulid, Duration tokenDelay, Script scripts) {
    this.store = store;
    this.ulid = ulid;
    this.tokenDelay = tokenDelay;
    this.scripts = scripts;
  }

  /** Adds the handler of {@code createConversationResponse}. */
  void addHandlers(Map<Operation, Router.Handler> handlers) {
    handlers.put(
        Operation.CREATE_RESPONSE,
        (exchange, id, body) -> respond(exchange, id, Json.parseObject(body)));
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
      throw ApiError.unprocessable(
          "model must have the form provider/model_id, got \"" + model + "\"");
    }
    String taskId = Json.optionalString(body, "task_id", "task_id");
    Json.optionalBoolean(body, "stream", "stream"); // type-checked only: this server always streams

    String userMessageId = messageId != null ? messageId : ulid.next("msg");
    store.addMessage(
        conversationId, message(userMessageId, conversationId, "user", parts.deepCopy()));

    JsonObject started = new JsonObject();
    started.addProperty("responseId", ulid.next("resp"));
    started.addProperty("taskId", taskId != null ? taskId : ulid.next("task"));
    started.addProperty("model", model);
    started.addProperty("workflowRunId", ulid.next("wf"));
    started.addProperty("userMessageId", userMessageId);
    started.addProperty("assistantMessageId", ulid.next("msg"));

    Reply reply = Reply.to(parts);
    ScriptedResponse script = scripts.nextResponse();
    if (script == null) {
      script = ScriptedResponse.text(reply.chunks.toArray(new String[0]));
    }
    try {
      Scripts.sleep(script.headersDelay());
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0); // chunked
      EventStreamWriter events = new EventStreamWriter(exchange.getResponseBody());
      events.event("response.started", started);
      script.play(
          new Playback(
              events,
              ulid,
              store,
              conversationId,
              started.get("assistantMessageId").getAsString(),
              tokenDelay,
              script.eventDelay(),
              reply.promptTokens));
    } catch (IOException e) {
      // The client went away mid-stream: nothing to tell anyone, just stop.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is closing
    }
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

  static JsonObject message(String id, String conversationId, String role, JsonArray parts) {
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
