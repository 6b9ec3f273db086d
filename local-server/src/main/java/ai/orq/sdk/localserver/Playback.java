package ai.orq.sdk.localserver;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The state of one response stream while a {@link ScriptedResponse} plays: writes events after the
 * configured delays, numbers the parts, counts tokens and keeps the text parts that make up the
 * assistant message.
 */
final class Playback {
  private final EventStreamWriter events;
  private final Ulid ulid;
  private final ConversationStore store;
  private final String conversationId;
  private final String assistantMessageId;
  private final Duration tokenDelay;
  private final Duration eventDelay;
  private final int promptTokens;
  private final JsonArray textParts = new JsonArray();
  private int completionTokens;

  Playback(
      EventStreamWriter events,
      Ulid ulid,
      ConversationStore store,
      String conversationId,
      String assistantMessageId,
      Duration tokenDelay,
      Duration eventDelay,
      int promptTokens) {
    this.events = events;
    this.ulid = ulid;
    this.store = store;
    this.conversationId = conversationId;
    this.assistantMessageId = assistantMessageId;
    this.tokenDelay = tokenDelay;
    this.eventDelay = eventDelay;
    this.promptTokens = promptTokens;
  }

  void event(String type, JsonObject data) throws IOException, InterruptedException {
    Scripts.sleep(eventDelay);
    events.event(type, data);
  }

  /**
   * Streams a part of {@code kind} ("text" or "reasoning", also its content property) in chunks.
   */
  void part(String kind, List<String> chunks) throws IOException, InterruptedException {
    String partId = ulid.next(kind);
    StringBuilder whole = new StringBuilder();
    for (String chunk : chunks) {
      Scripts.sleep(tokenDelay);
      JsonObject delta = new JsonObject();
      delta.addProperty("partId", partId);
      delta.add("delta", part(partId, kind, new JsonPrimitive(chunk)));
      event("part.delta", delta);
      whole.append(chunk);
      completionTokens++;
    }
    JsonObject part = part(partId, kind, new JsonPrimitive(whole.toString()));
    if (kind.equals("text")) {
      textParts.add(part.deepCopy());
    }
    JsonObject done = new JsonObject();
    done.addProperty("partId", partId);
    done.add("part", part);
    event("part.done", done);
  }

  /**
   * Sends a part of {@code kind} whole, in one {@code part.done}: its content, under the property
   * named as the kind, is not text to stream in pieces.
   */
  void wholePart(String kind, JsonElement content) throws IOException, InterruptedException {
    String partId = ulid.next(kind);
    JsonObject done = new JsonObject();
    done.addProperty("partId", partId);
    done.add("part", part(partId, kind, content));
    event("part.done", done);
  }

  JsonObject usage() {
    JsonObject usage = new JsonObject();
    usage.addProperty("prompt_tokens", promptTokens);
    usage.addProperty("completion_tokens", completionTokens);
    usage.addProperty("total_tokens", promptTokens + completionTokens);
    return usage;
  }

  /** Stores the assistant message with the text parts streamed so far, if there were any. */
  void storeAssistantMessage() {
    if (textParts.size() == 0) {
      return;
    }
    try {
      store.addMessage(
          conversationId,
          ResponseApi.message(assistantMessageId, conversationId, "assistant", textParts));
    } catch (ApiError deletedMeanwhile) {
      // The conversation was deleted while we streamed; finish the stream all the same.
    }
  }

  void done() throws IOException {
    events.done();
  }

  private static JsonObject part(String id, String kind, JsonElement content) {
    JsonObject part = new JsonObject();
    part.addProperty("_id", id);
    part.addProperty("kind", kind);
    part.add(kind, content);
    return part;
  }
}
