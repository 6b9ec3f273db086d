package ai.orq.sdk.localserver;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a script, for the command line's {@code --script file.json}; the local server's
 * README describes it. Parsed up front, so a mistake fails before the server starts, with a message
 * naming its JSON path.
 */
final class ScriptFile {
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
      if (entry.getKey().equals("responses")) {
        JsonArray responses = array(entry.getValue(), "responses");
        for (int i = 0; i < responses.size(); i++) {
          file.responses.add(
              response(object(responses.get(i), "responses[" + i + "]"), "responses[" + i + "]"));
        }
      } else if (entry.getKey().equals("errors")) {
        JsonArray errors = array(entry.getValue(), "errors");
        for (int i = 0; i < errors.size(); i++) {
          file.failures.add(error(object(errors.get(i), "errors[" + i + "]"), "errors[" + i + "]"));
        }
      } else {
        throw new IllegalArgumentException(
            "script: unknown property \"" + entry.getKey() + "\" (expected responses, errors)");
      }
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
      String name = entry.getKey();
      String at = path + "." + name;
      JsonElement value = entry.getValue();
      try {
        switch (name) {
          case "headersDelayMs":
            builder.headersDelay(millis(value, at));
            break;
          case "eventDelayMs":
            builder.eventDelay(millis(value, at));
            break;
          case "steps":
            JsonArray steps = array(value, at);
            for (int i = 0; i < steps.size(); i++) {
              step(builder, object(steps.get(i), at + "[" + i + "]"), at + "[" + i + "]");
            }
            break;
          case "finish":
            builder.finish(string(value, at));
            break;
          case "pendingToolCalls":
            JsonArray calls = array(value, at);
            List<ScriptedToolCall> list = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
              list.add(call(object(calls.get(i), at + "[" + i + "]"), at + "[" + i + "]"));
            }
            builder.finishWithToolCalls(list.toArray(new ScriptedToolCall[0]));
            break;
          case "fail":
            JsonObject fail = object(value, at);
            builder.fail(
                integer(fail.get("code"), at + ".code"), string(fail.get("error"), at + ".error"));
            break;
          case "truncate":
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
              throw new IllegalArgumentException("must be true or false");
            }
            if (value.getAsBoolean()) {
              builder.truncate();
            }
            break;
          default:
            throw new IllegalArgumentException(
                "unknown property (expected headersDelayMs, eventDelayMs, steps, "
                    + "finish, pendingToolCalls, fail, truncate)");
        }
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
    JsonElement value = entry.getValue();
    switch (entry.getKey()) {
      case "text":
        builder.text(strings(value, at));
        break;
      case "reasoning":
        builder.reasoning(strings(value, at));
        break;
      case "toolStarted":
        builder.toolStarted(call(object(value, at), at));
        break;
      case "toolReviewRequested":
        builder.toolReviewRequested(call(object(value, at), at));
        break;
      case "toolReviewDone":
        JsonObject review = object(value, at);
        String outcome = string(review.get("review"), at + ".review");
        if (!outcome.equals("approved") && !outcome.equals("rejected")) {
          throw new IllegalArgumentException(
              at + ".review must be \"approved\" or \"rejected\", was \"" + outcome + "\"");
        }
        builder.toolReviewDone(call(review, at), outcome.equals("approved"));
        break;
      case "toolDone":
        JsonObject done = object(value, at);
        JsonElement result = done.get("result");
        builder.toolDone(call(done, at), result == null ? "null" : Json.write(result));
        break;
      case "toolFailed":
        JsonObject failed = object(value, at);
        builder.toolFailed(call(failed, at), string(failed.get("error"), at + ".error"));
        break;
      case "pauseMs":
        builder.pause(millis(value, at));
        break;
      default:
        throw new IllegalArgumentException(
            at
                + ": unknown step (expected text, reasoning, toolStarted, "
                + "toolReviewRequested, toolReviewDone, toolDone, toolFailed, pauseMs)");
    }
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
    Operation operation = null;
    int times = 1;
    ScriptedError error = null;
    Duration retryAfter = null;
    String message = null;
    for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
      String at = path + "." + entry.getKey();
      JsonElement value = entry.getValue();
      try {
        switch (entry.getKey()) {
          case "operation":
            operation = Operation.forOperationId(string(value, at));
            break;
          case "status":
            error = ScriptedError.status(integer(value, at));
            break;
          case "times":
            times = integer(value, at);
            break;
          case "retryAfterMs":
            retryAfter = millis(value, at);
            break;
          case "message":
            message = string(value, at);
            break;
          default:
            throw new IllegalArgumentException(
                "unknown property (expected operation, status, times, " + "retryAfterMs, message)");
        }
      } catch (IllegalArgumentException e) {
        throw wrap(at, e);
      }
    }
    if (operation == null || error == null) {
      throw new IllegalArgumentException(path + " needs an operation and a status");
    }
    if (times < 1) {
      throw new IllegalArgumentException(path + ".times must be at least 1, was " + times);
    }
    if (retryAfter != null) {
      error = error.retryAfter(retryAfter);
    }
    if (message != null) {
      error = error.message(message);
    }
    return new Failure(operation, times, error);
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

  /** One entry of {@code errors}. */
  private static final class Failure {
    final Operation operation;
    final int times;
    final ScriptedError error;

    Failure(Operation operation, int times, ScriptedError error) {
      this.operation = operation;
      this.times = times;
      this.error = error;
    }
  }
}
