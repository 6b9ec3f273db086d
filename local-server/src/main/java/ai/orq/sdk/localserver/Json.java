package ai.orq.sdk.localserver;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;

/**
 * Gson plumbing: strict parsing of request bodies and typed reads of optional fields. Type errors
 * become 422s that name the field by its JSON path; unparsable bodies become 400s.
 */
final class Json {
  private static final Gson GSON =
      new GsonBuilder()
          .serializeNulls()
          .disableHtmlEscaping()
          .setStrictness(Strictness.STRICT)
          .create();

  private Json() {}

  /** Parses a request body that must be one JSON object. */
  static JsonObject parseObject(String body) {
    JsonElement element;
    try {
      element = GSON.fromJson(body, JsonElement.class);
    } catch (JsonParseException e) {
      throw ApiError.badRequest("Request body is not valid JSON");
    }
    if (element == null || !element.isJsonObject()) {
      throw ApiError.badRequest("Request body must be a JSON object");
    }
    return element.getAsJsonObject();
  }

  static String write(JsonElement element) {
    return GSON.toJson(element);
  }

  static JsonObject message(String message) {
    JsonObject body = new JsonObject();
    body.addProperty("message", message);
    return body;
  }

  /** True when {@code name} is absent or JSON null. */
  static boolean isMissing(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || value.isJsonNull();
  }

  /** The string at {@code name}; null when absent or JSON null; 422 for any other type. */
  static String optionalString(JsonObject object, String name, String path) {
    if (isMissing(object, name)) {
      return null;
    }
    JsonElement value = object.get(name);
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw ApiError.unprocessable(path + " must be a string");
    }
    return value.getAsString();
  }

  /** The boolean at {@code name}; null when absent or JSON null; 422 for any other type. */
  static Boolean optionalBoolean(JsonObject object, String name, String path) {
    if (isMissing(object, name)) {
      return null;
    }
    JsonElement value = object.get(name);
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
      throw ApiError.unprocessable(path + " must be a boolean");
    }
    return value.getAsBoolean();
  }

  /** The object at {@code name}; null when absent or JSON null; 422 for any other type. */
  static JsonObject optionalObject(JsonObject object, String name, String path) {
    if (isMissing(object, name)) {
      return null;
    }
    JsonElement value = object.get(name);
    if (!value.isJsonObject()) {
      throw ApiError.unprocessable(path + " must be an object");
    }
    return value.getAsJsonObject();
  }

  /** The array at {@code name}; null when absent or JSON null; 422 for any other type. */
  static JsonArray optionalArray(JsonObject object, String name, String path) {
    if (isMissing(object, name)) {
      return null;
    }
    JsonElement value = object.get(name);
    if (!value.isJsonArray()) {
      throw ApiError.unprocessable(path + " must be an array");
    }
    return value.getAsJsonArray();
  }

  /** A string that must be present and not blank. */
  static String requiredString(JsonObject object, String name, String path) {
    String value = optionalString(object, name, path);
    if (value == null || value.trim().isEmpty()) {
      throw ApiError.unprocessable(path + " is required and must be a non-empty string");
    }
    return value;
  }

  /** Throws a 422 when {@code value} is longer than {@code max} characters. */
  static void checkMaxLength(String value, int max, String path) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      throw ApiError.unprocessable(path + " must be at most " + max + " characters");
    }
  }
}
