package ai.orq.sdk.localserver;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** One stored conversation. Mutable; every access is guarded by the owning store's lock. */
final class Conversation {
  static final String DEFAULT_NAME = "Untitled";
  static final String LOCAL_USER = "user_local";

  final String id;

  /** Creation order: a strictly increasing number, independent of clock resolution. */
  final long sequence;

  final long createdAt;
  final List<JsonObject> messages = new ArrayList<>();
  String displayName;
  long updatedAt;
  boolean generatingTitle;
  String entityId;
  String model;

  Conversation(String id, long sequence, long createdAt) {
    this.id = id;
    this.sequence = sequence;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  /** Unnamed means an empty display name or the default "Untitled". */
  boolean isUnnamed() {
    return displayName.isEmpty() || DEFAULT_NAME.equals(displayName);
  }

  /** Moves {@code updatedAt} to now, and always forward, even within one millisecond. */
  void touch(long now) {
    updatedAt = Math.max(now, updatedAt + 1);
  }

  JsonObject toJson(boolean withMessages) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("generatingTitle", generatingTitle);
    metadata.addProperty("entityId", entityId);
    metadata.addProperty("model", model);

    JsonObject json = new JsonObject();
    json.addProperty("_id", id);
    json.addProperty("kind", "conversation");
    json.addProperty("displayName", displayName);
    json.addProperty("createdAt", createdAt);
    json.addProperty("updatedAt", updatedAt);
    json.addProperty("createdById", LOCAL_USER);
    json.addProperty("updatedById", LOCAL_USER);
    json.add("metadata", metadata);
    if (withMessages) {
      JsonArray array = new JsonArray();
      for (JsonObject message : messages) {
        array.add(message.deepCopy());
      }
      json.add("messages", array);
    }
    return json;
  }
}
