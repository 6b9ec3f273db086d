package ai.orq.sdk.localserver;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory conversations. Every method holds the store's lock and returns a JSON snapshot, so
 * callers never see a conversation change under them. Throws {@link ApiError} for unknown ids.
 */
final class ConversationStore {
  private final Ulid ulid;

  /** Insertion order is creation order. */
  private final Map<String, Conversation> conversations = new LinkedHashMap<>();

  /** Sequence of every id ever issued, so a deleted conversation still works as a list cursor. */
  private final Map<String, Long> issued = new HashMap<>();

  private long nextSequence;

  ConversationStore(Ulid ulid) {
    this.ulid = ulid;
  }

  synchronized JsonObject create(
      String displayName, boolean generatingTitle, String entityId, String model) {
    Conversation conversation = new Conversation(ulid.next("conv"), nextSequence++, now());
    conversation.displayName = displayName;
    conversation.generatingTitle = generatingTitle;
    conversation.entityId = entityId;
    conversation.model = model;
    conversations.put(conversation.id, conversation);
    issued.put(conversation.id, conversation.sequence);
    return conversation.toJson(false);
  }

  synchronized JsonObject retrieve(String id) {
    return find(id).toJson(true);
  }

  /**
   * Applies a partial update: a null {@code displayName} or {@code generatingTitle} leaves the
   * field as it is; {@code entityId} is applied (null detaches) only when {@code setEntityId} is
   * true.
   */
  synchronized JsonObject update(
      String id,
      String displayName,
      Boolean generatingTitle,
      boolean setEntityId,
      String entityId) {
    Conversation conversation = find(id);
    if (displayName != null) {
      conversation.displayName = displayName;
    }
    if (generatingTitle != null) {
      conversation.generatingTitle = generatingTitle;
    }
    if (setEntityId) {
      conversation.entityId = entityId;
    }
    conversation.touch(now());
    return conversation.toJson(false);
  }

  /** Names an unnamed conversation; 400 when it already has a display name. */
  synchronized JsonObject name(String id, String displayName) {
    Conversation conversation = find(id);
    if (!conversation.isUnnamed()) {
      throw ApiError.badRequest(
          "Conversation "
              + id
              + " already has a display name: \""
              + conversation.displayName
              + "\"");
    }
    conversation.displayName = displayName;
    conversation.generatingTitle = false;
    conversation.touch(now());
    return conversation.toJson(false);
  }

  synchronized void delete(String id) {
    if (conversations.remove(id) == null) {
      throw ApiError.conversationNotFound(id);
    }
  }

  /** Appends a message, or throws 404 when the conversation does not exist (any more). */
  synchronized void addMessage(String id, JsonObject message) {
    Conversation conversation = find(id);
    conversation.messages.add(message.deepCopy());
    conversation.touch(now());
  }

  /**
   * One page, newest first. {@code entityId} filters when {@code byEntity}; otherwise only
   * standalone conversations (no entity) are listed. A cursor this server never issued gives an
   * empty page; a deleted conversation's id still works as a cursor.
   */
  synchronized JsonObject list(
      int limit, String startingAfter, String endingBefore, boolean byEntity, String entityId) {
    String cursor = startingAfter != null ? startingAfter : endingBefore;
    Long cursorSequence = cursor == null ? null : issued.get(cursor);
    List<Conversation> candidates = new ArrayList<>();
    if (cursor == null || cursorSequence != null) {
      List<Conversation> all = new ArrayList<>(conversations.values());
      for (int i = all.size() - 1; i >= 0; i--) {
        Conversation c = all.get(i);
        boolean matches = byEntity ? entityId.equals(c.entityId) : c.entityId == null;
        boolean inRange =
            cursorSequence == null
                || (startingAfter != null
                    ? c.sequence < cursorSequence
                    : c.sequence > cursorSequence);
        if (matches && inRange) {
          candidates.add(c);
        }
      }
    }
    // ending_before pages end right before the cursor: the `limit` items nearest to it.
    int from = endingBefore != null ? Math.max(0, candidates.size() - limit) : 0;
    int to = Math.min(candidates.size(), from + limit);
    JsonArray data = new JsonArray();
    for (Conversation c : candidates.subList(from, to)) {
      data.add(c.toJson(false));
    }
    JsonObject page = new JsonObject();
    page.addProperty("object", "list");
    page.add("data", data);
    page.addProperty("has_more", candidates.size() > limit);
    return page;
  }

  /** Every conversation, oldest first, with its messages. */
  synchronized List<JsonObject> snapshot() {
    List<JsonObject> all = new ArrayList<>();
    for (Conversation conversation : conversations.values()) {
      all.add(conversation.toJson(true));
    }
    return all;
  }

  private Conversation find(String id) {
    Conversation conversation = conversations.get(id);
    if (conversation == null) {
      throw ApiError.conversationNotFound(id);
    }
    return conversation;
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
