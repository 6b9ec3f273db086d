package ai.orq.sdk.localserver;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a script, for the command line's {@code --script file.json}; the local server's
 * README describes it. Parsed up front, so a mistake fails before the server starts, with a message
 * naming its JSON path.
 */
final class ScriptFile {
  /** The keywords of the script's top level, in the order the README lists them. */
  static final Map<String, Keyword<ScriptFile>> SCRIPT = new LinkedHashMap<>();

  /** The keywords of one entry of {@code responses}. */
  static final Map<String, Keyword<ScriptedResponse.Builder>> RESPONSE = new LinkedHashMap<>();

  /** The keywords of one step of a response, each the kind of the step. */
  static final Map<String, Keyword<ScriptedResponse.Builder>> STEP = new LinkedHashMap<>();

  /** The keywords of one entry of {@code errors}. */
  static final Map<String, Keyword<Failure>> ERROR = new LinkedHashMap<>();

  static {
    SCRIPT.put(
        "responses",
        (file, value, at) -> {
          JsonArray responses = array(value, at);
          for (int i = 0; i < responses.size(); i++) {
            String item = at + "[" + i + "]";
            file.responses.add(response(object(responses.get(i), item), item));
          }
        });
    SCRIPT.put(
        "errors",
        (file, value, at) -> {
          JsonArray errors = array(value, at);
          for (int i = 0; i < errors.size(); i++) {
            String item = at + "[" + i + "]";
            file.failures.add(error(object(errors.get(i), item), item));
          }
        });

    RESPONSE.put("headersDelayMs", (builder, value, at) -> builder.headersDelay(millis(value, at)));
    RESPONSE.put("eventDelayMs", (builder, value, at) -> builder.eventDelay(millis(value, at)));
    RESPONSE.put(
        "steps",
        (builder, value, at) -> {
          JsonArray steps = array(value, at);
          for (int i = 0; i < steps.size(); i++) {
            step(builder, object(steps.get(i), at + "[" + i + "]"), at + "[" + i + "]");
          }
        });
    RESPONSE.put("finish", (builder, value, at) -> builder.finish(string(value, at)));
    RESPONSE.put(
        "pendingToolCalls",
        (builder, value, at) -> {
          JsonArray calls = array(value, at);
          List<ScriptedToolCall> list = new ArrayList<>();
          for (int i = 0; i < calls.size(); i++) {
            list.add(call(object(calls.get(i), at + "[" + i + "]"), at + "[" + i + "]"));
          }
          builder.finishWithToolCalls(list.toArray(new ScriptedToolCall[0]));
        });
    RESPONSE.put(
        "fail",
        (builder, value, at) -> {
          JsonObject fail = object(value, at);
          builder.fail(
              integer(fail.get("code"), at + ".code"), string(fail.get("error"), at + ".error"));
        });
    RESPONSE.put(
        "truncate",
        (builder, value, at) -> {
          if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException("must be true or false");
          }
          if (value.getAsBoolean()) {
            builder.truncate();
          }
        });

    STEP.put("text", (builder, value, at) -> builder.text(strings(value, at)));
    STEP.put("reasoning", (builder, value, at) -> builder.reasoning(strings(value, at)));
    STEP.put("file", ScriptFile::file);
    STEP.put("data", (builder, value, at) -> builder.data(Json.write(object(value, at))));
    STEP.put(
        "toolStarted", (builder, value, at) -> builder.toolStarted(call(object(value, at), at)));
    STEP.put(
        "toolReviewRequested",
        (builder, value, at) -> builder.toolReviewRequested(call(object(value, at), at)));
    STEP.put(
        "toolReviewDone",
        (builder, value, at) -> {
          JsonObject review = object(value, at);
          String outcome = string(review.get("review"), at + ".review");
          if (!outcome.equals("approved") && !outcome.equals("rejected")) {
            throw new IllegalArgumentException(
                at + ".review must be \"approved\" or \"rejected\", was \"" + outcome + "\"");
          }
          builder.toolReviewDone(call(review, at), outcome.equals("approved"));
        });
    STEP.put(
        "toolDone",
        (builder, value, at) -> {
          JsonObject done = object(value, at);
          JsonElement result = done.get("result");
          builder.toolDone(call(done, at), result == null ? "null" : Json.write(result));
        });
    STEP.put(
        "toolFailed",
        (builder, value, at) -> {
          JsonObject failed = object(value, at);
          builder.toolFailed(call(failed, at), string(failed.get("error"), at + ".error"));
        });
    STEP.put("pauseMs", (builder, value, at) -> builder.pause(millis(value, at)));

    ERROR.put(
        "operation",
        (failure, value, at) -> failure.operation = Operation.forOperationId(string(value, at)));
    ERROR.put(
        "status", (failure, value, at) -> failure.error = ScriptedError.status(integer(value, at)));
    ERROR.put("times", (failure, value, at) -> failure.times = integer(value, at));
    ERROR.put("retryAfterMs", (failure, value, at) -> failure.retryAfter = millis(value, at));
    ERROR.put("message", (failure, value, at) -> failure.message = string(value, at));
  }

  private final List<ScriptedResponse> responses = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();

  private ScriptFile() {}

  /**
   * Parses a script.
   *
   * @throws IllegalArgumentException naming the path of the first mistake
   */
  static ScriptFile parse(String json) {
    JsonObject root = object(Scripts.parse(json, "script"), "script");
    ScriptFile file = new ScriptFile();
    for (Map.Entry<String, JsonElement> entry : root.entrySet()) {
      Keyword<ScriptFile> keyword = SCRIPT.get(entry.getKey());
      if (keyword == null) {
        throw new IllegalArgumentException(
            "script: unknown property \"" + entry.getKey() + "\" " + expected(SCRIPT));
      }
      keyword.apply(file, entry.getValue(), entry.getKey());
    }
    return file;
  }

  void applyTo(LocalOrqServer server) {
    server.enqueue(responses.toArray(new ScriptedResponse[0]));
    for (Failure failure : failures) {
      server.failNext(failure.operation, failure.times, failure.error);
    }
  }

  private static ScriptedResponse response(JsonObject json, String path) {
    ScriptedResponse.Builder builder = ScriptedResponse.builder();
    for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
      String at = path + "." + entry.getKey();
      try {
        Keyword<ScriptedResponse.Builder> keyword = RESPONSE.get(entry.getKey());
        if (keyword == null) {
          throw new IllegalArgumentException("unknown property " + expected(RESPONSE));
        }
        keyword.apply(builder, entry.getValue(), at);
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException(
            path + ": only one of finish, pendingToolCalls, fail and truncate");
      } catch (IllegalArgumentException | NullPointerException e) {
        throw wrap(at, e);
      }
    }
    return builder.build();
  }

  private static void step(ScriptedResponse.Builder builder, JsonObject json, String path) {
    if (json.size() != 1) {
      throw new IllegalArgumentException(
          path + " must have exactly one property, the kind of step");
    }
    Map.Entry<String, JsonElement> entry = json.entrySet().iterator().next();
    String at = path + "." + entry.getKey();
    Keyword<ScriptedResponse.Builder> keyword = STEP.get(entry.getKey());
    if (keyword == null) {
      throw new IllegalArgumentException(at + ": unknown step " + expected(STEP));
    }
    keyword.apply(builder, entry.getValue(), at);
  }

  /** {@code {"uri", "mimeType"}} or {@code {"bytes" (base64), "mimeType"}}. */
  private static void file(ScriptedResponse.Builder builder, JsonElement value, String path) {
    JsonObject file = object(value, path);
    String mimeType = string(file.get("mimeType"), path + ".mimeType");
    if (file.has("uri") == file.has("bytes")) {
      throw new IllegalArgumentException(path + " needs either uri or bytes");
    }
    if (file.has("uri")) {
      builder.fileUri(string(file.get("uri"), path + ".uri"), mimeType);
      return;
    }
    String bytes = string(file.get("bytes"), path + ".bytes");
    byte[] content;
    try {
      content = Base64.getDecoder().decode(bytes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ".bytes must be base64", e);
    }
    builder.fileBytes(content, mimeType);
  }

  /**
   * {@code {"toolCallId", "toolName", "arguments"?, "toolId"?}}; other properties belong to the
   * step.
   */
  private static ScriptedToolCall call(JsonObject json, String path) {
    JsonElement arguments = json.get("arguments");
    String argumentsJson =
        arguments == null ? "{}" : Json.write(object(arguments, path + ".arguments"));
    try {
      ScriptedToolCall call =
          ScriptedToolCall.of(
              string(json.get("toolCallId"), path + ".toolCallId"),
              string(json.get("toolName"), path + ".toolName"),
              argumentsJson);
      return json.has("toolId")
          ? call.withToolId(string(json.get("toolId"), path + ".toolId"))
          : call;
    } catch (NullPointerException e) {
      throw wrap(path, e);
    }
  }

  private static Failure error(JsonObject json, String path) {
    Failure failure = new Failure();
    for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
      String at = path + "." + entry.getKey();
      try {
        Keyword<Failure> keyword = ERROR.get(entry.getKey());
        if (keyword == null) {
          throw new IllegalArgumentException("unknown property " + expected(ERROR));
        }
        keyword.apply(failure, entry.getValue(), at);
      } catch (IllegalArgumentException e) {
        throw wrap(at, e);
      }
    }
    if (failure.operation == null || failure.error == null) {
      throw new IllegalArgumentException(path + " needs an operation and a status");
    }
    if (failure.times < 1) {
      throw new IllegalArgumentException(path + ".times must be at least 1, was " + failure.times);
    }
    if (failure.retryAfter != null) {
      failure.error = failure.error.retryAfter(failure.retryAfter);
    }
    if (failure.message != null) {
      failure.error = failure.error.message(failure.message);
    }
    return failure;
  }

  private static String expected(Map<String, ?> keywords) {
    return "(expected " + String.join(", ", keywords.keySet()) + ")";
  }

  private static IllegalArgumentException wrap(String path, RuntimeException e) {
    String message = e.getMessage();
    return message != null && message.startsWith(path)
        ? new IllegalArgumentException(message, e)
        : new IllegalArgumentException(path + ": " + message, e);
  }

  private static JsonObject object(JsonElement value, String path) {
    if (value == null || !value.isJsonObject()) {
      throw new IllegalArgumentException(path + " must be a JSON object");
    }
    return value.getAsJsonObject();
  }

  private static JsonArray array(JsonElement value, String path) {
    if (value == null || !value.isJsonArray()) {
      throw new IllegalArgumentException(path + " must be a JSON array");
    }
    return value.getAsJsonArray();
  }

  private static String string(JsonElement value, String path) {
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new IllegalArgumentException(path + " must be a string");
    }
    return value.getAsString();
  }

  private static String[] strings(JsonElement value, String path) {
    JsonArray array = array(value, path);
    String[] strings = new String[array.size()];
    for (int i = 0; i < strings.length; i++) {
      strings[i] = string(array.get(i), path + "[" + i + "]");
    }
    return strings;
  }

  private static int integer(JsonElement value, String path) {
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      throw new IllegalArgumentException(path + " must be a whole number");
    }
    double number = value.getAsDouble();
    if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(path + " must be a whole number, was " + value);
    }
    return (int) number;
  }

  private static Duration millis(JsonElement value, String path) {
    return Duration.ofMillis(integer(value, path));
  }

  /** How one keyword of a script applies its value, found at JSON path {@code at}. */
  interface Keyword<T> {
    void apply(T target, JsonElement value, String at);
  }

  /** One entry of {@code errors}, filled in by its keywords. */
  static final class Failure {
    Operation operation;
    int times = 1;
    ScriptedError error;
    Duration retryAfter;
    String message;
  }
}
