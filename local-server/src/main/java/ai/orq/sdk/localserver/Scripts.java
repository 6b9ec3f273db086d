package ai.orq.sdk.localserver;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Duration;

/** Argument checks shared by the script classes; each failure names the argument. */
final class Scripts {
  private Scripts() {}

  static String requireNonBlank(String value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    if (value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }

  static Duration requireNonNegative(Duration duration, String name) {
    if (duration == null) {
      throw new NullPointerException(name + " == null");
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " is negative: " + duration);
    }
    return duration;
  }

  /** Parses JSON text that must be one value of any kind. */
  static JsonElement parse(String json, String name) {
    if (json == null) {
      throw new NullPointerException(name + " == null");
    }
    try {
      return JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(name + " is not valid JSON: " + json, e);
    }
  }

  static JsonObject parseObject(String json, String name) {
    JsonElement element = parse(json, name);
    if (!element.isJsonObject()) {
      throw new IllegalArgumentException(name + " must be a JSON object, was " + json);
    }
    return element.getAsJsonObject();
  }

  static void sleep(Duration duration) throws InterruptedException {
    if (!duration.isZero()) {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
    }
  }
}
