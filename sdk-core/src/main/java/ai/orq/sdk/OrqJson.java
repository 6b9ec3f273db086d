package ai.orq.sdk;

import ai.orq.sdk.internal.JsonModels;
import ai.orq.sdk.model.ModelJsonException;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The free-form JSON of the models, bound to your own classes with the SDK's own Gson settings.
 * Everything the spec leaves free-form is a Gson {@link JsonElement} (objects a {@code
 * JsonObject}): tool arguments and results, metadata, data parts, properties a newer server sends.
 * Whole numbers arrive as {@code long} in an {@code Object} field wherever they come from, so a
 * tool call's arguments bind the same from a tool event (a JSON object) and from a pending tool
 * call (a JSON string):
 *
 * <pre>{@code
 * Weather args = OrqJson.bind(started.getData().getArguments(), Weather.class);
 * Weather same = OrqJson.bind(pending.getFunction().getArguments(), Weather.class);
 * ToolResultPart result =
 *     ToolResultPart.builder().toolCallId(pending.getId()).result(OrqJson.toJson(forecast)).build();
 * }</pre>
 */
public final class OrqJson {
  private static final Gson GSON = JsonModels.newGson();

  private OrqJson() {}

  /**
   * {@code json} bound to {@code type}.
   *
   * @throws IllegalArgumentException if {@code json} does not fit {@code type}, naming where
   */
  public static <T> T bind(JsonElement json, Class<T> type) {
    return bind(json, (Type) type);
  }

  /**
   * {@code json} bound to a generic {@code type}, such as {@code new TypeToken<List<Item>>()
   * {}.getType()}.
   *
   * @throws IllegalArgumentException if {@code json} does not fit {@code type}, naming where
   */
  @SuppressWarnings(
      "TypeParameterUnusedInFormals") // as Gson.fromJson(json, Type): the caller names T
  public static <T> T bind(JsonElement json, Type type) {
    Objects.requireNonNull(json, "json == null");
    return read(json.toString(), type); // as text, so both forms are read by one strict reader
  }

  /**
   * The JSON text {@code json}, such as a pending tool call's arguments, bound to {@code type}.
   *
   * @throws IllegalArgumentException if {@code json} is not one JSON value that fits {@code type}
   */
  public static <T> T bind(String json, Class<T> type) {
    Objects.requireNonNull(json, "json == null");
    return read(json, type);
  }

  /**
   * {@code value} as JSON, for a free-form property such as a tool result; null is JSON null.
   *
   * @throws IllegalArgumentException if the SDK's Gson cannot write {@code value}'s class
   */
  public static JsonElement toJson(Object value) {
    try {
      return GSON.toJsonTree(value);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          "cannot write " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("TypeParameterUnusedInFormals") // as bind(json, Type)
  private static <T> T read(String json, Type type) {
    Objects.requireNonNull(type, "type == null");
    try {
      @SuppressWarnings("unchecked")
      T value = (T) JsonModels.read(GSON.getAdapter(TypeToken.get(type)), json);
      if (value == null) {
        throw new IllegalArgumentException("json is empty or null, not a " + type);
      }
      return value;
    } catch (ModelJsonException e) {
      throw new IllegalArgumentException(
          "json does not bind to " + type + ": " + e.getMessage(), e);
    }
  }
}
