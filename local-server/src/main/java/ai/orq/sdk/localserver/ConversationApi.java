package ai.orq.sdk.localserver;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * The six JSON operations: list, create, generate-name, retrieve, update and delete. Validates
 * request bodies and query parameters, then delegates to the store.
 */
final class ConversationApi {
  static final int MAX_NAME_LENGTH = 100;
  private static final int GENERATED_NAME_WORDS = 6;

  private final ConversationStore store;

  ConversationApi(ConversationStore store) {
    this.store = store;
  }

  /** Adds the handler of each of the six operations. */
  void addHandlers(Map<Operation, Router.Handler> handlers) {
    handlers.put(
        Operation.LIST,
        (exchange, id, body) -> Exchanges.sendJson(exchange, 200, list(Exchanges.query(exchange))));
    handlers.put(
        Operation.CREATE,
        (exchange, id, body) -> Exchanges.sendJson(exchange, 201, create(Json.parseObject(body))));
    handlers.put(
        Operation.RETRIEVE,
        (exchange, id, body) -> Exchanges.sendJson(exchange, 200, retrieve(id)));
    handlers.put(
        Operation.UPDATE,
        (exchange, id, body) ->
            Exchanges.sendJson(exchange, 200, update(id, Json.parseObject(body))));
    handlers.put(
        Operation.DELETE,
        (exchange, id, body) -> {
          delete(id);
          Exchanges.sendNoContent(exchange);
        });
    handlers.put(
        Operation.GENERATE_NAME,
        (exchange, id, body) ->
            Exchanges.sendJson(exchange, 200, generateName(id, Json.parseObject(body))));
  }

  JsonObject list(Map<String, String> query) {
    int limit = parseLimit(query.get("limit"));
    String startingAfter = query.get("startingAfter");
    String endingBefore = query.get("endingBefore");
    if (startingAfter != null && endingBefore != null) {
      throw ApiError.badRequest("startingAfter and endingBefore cannot be used together");
    }
    String entityId = query.get("entityId");
    return store.list(limit, startingAfter, endingBefore, entityId != null, entityId);
  }

  JsonObject create(JsonObject body) {
    Json.requiredString(
        body, "projectId", "projectId"); // validated; one local workspace holds all projects
    String displayName = Json.optionalString(body, "displayName", "displayName");
    Json.checkMaxLength(displayName, MAX_NAME_LENGTH, "displayName");
    JsonObject metadata = Json.optionalObject(body, "metadata", "metadata");
    boolean generatingTitle = false;
    String entityId = null;
    String model = null;
    if (metadata != null) {
      Boolean generating =
          Json.optionalBoolean(metadata, "generatingTitle", "metadata.generatingTitle");
      generatingTitle = generating != null && generating;
      entityId = Json.optionalString(metadata, "entityId", "metadata.entityId");
      model = Json.optionalString(metadata, "model", "metadata.model");
    }
    return store.create(
        displayName == null ? Conversation.DEFAULT_NAME : displayName,
        generatingTitle,
        entityId,
        model);
  }

  JsonObject generateName(String id, JsonObject body) {
    String context = Json.requiredString(body, "context", "context");
    return store.name(id, nameFrom(context));
  }

  JsonObject retrieve(String id) {
    return store.retrieve(id);
  }

  /** Only the fields present are changed; an explicit {@code metadata.entityId: null} detaches. */
  JsonObject update(String id, JsonObject body) {
    if (body.has("displayName") && body.get("displayName").isJsonNull()) {
      throw ApiError.unprocessable("displayName must be a string");
    }
    String displayName = Json.optionalString(body, "displayName", "displayName");
    Json.checkMaxLength(displayName, MAX_NAME_LENGTH, "displayName");
    JsonObject metadata = Json.optionalObject(body, "metadata", "metadata");
    Boolean generatingTitle = null;
    boolean setEntityId = false;
    String entityId = null;
    if (metadata != null) {
      JsonElement generating = metadata.get("generatingTitle");
      if (generating != null && generating.isJsonNull()) {
        throw ApiError.unprocessable("metadata.generatingTitle must be a boolean");
      }
      generatingTitle =
          Json.optionalBoolean(metadata, "generatingTitle", "metadata.generatingTitle");
      setEntityId = metadata.has("entityId");
      entityId = Json.optionalString(metadata, "entityId", "metadata.entityId");
    }
    return store.update(id, displayName, generatingTitle, setEntityId, entityId);
  }

  void delete(String id) {
    store.delete(id);
  }

  static int parseLimit(String raw) {
    if (raw == null) {
      return 10;
    }
    int limit;
    try {
      limit = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > 100) {
      throw ApiError.badRequest("limit must be an integer from 1 to 100, got \"" + raw + "\"");
    }
    return limit;
  }

  /** A deterministic name: the first few words of the context, at most 100 characters. */
  static String nameFrom(String context) {
    String[] words = context.trim().split("\\s+", -1);
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < words.length && i < GENERATED_NAME_WORDS; i++) {
      if (name.length() + words[i].length() + 1 > MAX_NAME_LENGTH) {
        break;
      }
      if (name.length() > 0) {
        name.append(' ');
      }
      name.append(words[i]);
    }
    if (name.length() == 0) {
      name.append(words[0], 0, MAX_NAME_LENGTH); // one word longer than the limit
    }
    return name.toString();
  }
}
