package ai.orq.sdk.localserver;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * What the assistant does in answer to one message: the events of one response stream, in order.
 * Queue it with {@link LocalOrqServer#enqueue}; the next {@code createConversationResponse} request
 * plays it instead of the default echo.
 *
 * <pre>{@code
 * ScriptedToolCall refund = ScriptedToolCall.of("call_1", "refund", "{\"order\":\"A-17\"}");
 * server.enqueue(ScriptedResponse.builder()
 *     .reasoning("The user wants a refund.")
 *     .text("Let me ", "check that.")
 *     .data("{\"order\":\"A-17\",\"refundable\":true}")
 *     .toolReviewRequested(refund)
 *     .finishWithToolCalls(refund)
 *     .build());
 * }</pre>
 *
 * <p>Every stream starts with {@code response.started}. It ends, unless told otherwise, with {@code
 * response.done} (finish reason {@code stop}, word-count usage) and {@code [DONE]}; {@link
 * Builder#finish}, {@link Builder#finishWithToolCalls}, {@link Builder#fail} and {@link
 * Builder#truncate} choose another ending. The assistant message is stored, with the text parts,
 * just before {@code response.done}; a failed or truncated response stores none. Immutable.
 */
public final class ScriptedResponse {
  /** The finish reasons of the spec; a test checks them against {@code FinishReason}. */
  static final List<String> FINISH_REASONS =
      Collections.unmodifiableList(
          Arrays.asList(
              "stop",
              "length",
              "tool_calls",
              "content_filter",
              "function_call",
              "max_iterations",
              "max_time"));

  private final List<Step> steps;
  private final Duration headersDelay;
  private final Duration eventDelay;
  private final Ending ending;

  private ScriptedResponse(Builder builder) {
    this.steps = Collections.unmodifiableList(new ArrayList<>(builder.steps));
    this.headersDelay = builder.headersDelay;
    this.eventDelay = builder.eventDelay;
    this.ending =
        builder.ending != null ? builder.ending : Ending.finished("stop", Collections.emptyList());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A response of one text part streamed in these chunks, finishing with {@code stop}. */
  public static ScriptedResponse text(String... chunks) {
    return builder().text(chunks).build();
  }

  Duration headersDelay() {
    return headersDelay;
  }

  Duration eventDelay() {
    return eventDelay;
  }

  /**
   * Streams the events after {@code response.started}; the caller wrote that and writes nothing
   * after.
   */
  void play(Playback playback) throws IOException, InterruptedException {
    for (Step step : steps) {
      step.play(playback);
    }
    ending.play(playback);
  }

  @Override
  public String toString() {
    return "ScriptedResponse{" + steps.size() + " steps, " + ending.describe() + "}";
  }

  /** One scripted piece of a response stream. */
  private interface Step {
    void play(Playback playback) throws IOException, InterruptedException;
  }

  /**
   * Configures a {@link ScriptedResponse}; the steps play in the order they are added. Not
   * thread-safe.
   */
  public static final class Builder {
    private final List<Step> steps = new ArrayList<>();
    private Duration headersDelay = Duration.ZERO;
    private Duration eventDelay = Duration.ZERO;
    private Ending ending;

    private Builder() {}

    /**
     * A text part streamed as one {@code part.delta} per chunk, then {@code part.done} with the
     * whole text.
     *
     * @throws IllegalArgumentException when there is no chunk
     */
    public Builder text(String... chunks) {
      return part("text", chunks);
    }

    /** A reasoning part streamed as one {@code part.delta} per chunk, then {@code part.done}. */
    public Builder reasoning(String... chunks) {
      return part("reasoning", chunks);
    }

    /**
     * A file part the server refers to by URI, sent whole in one {@code part.done}.
     *
     * @throws IllegalArgumentException when {@code uri} or {@code mimeType} is blank
     */
    public Builder fileUri(String uri, String mimeType) {
      JsonObject file = new JsonObject();
      file.addProperty("type", "uri");
      file.addProperty("uri", Scripts.requireNonBlank(uri, "uri"));
      return file(file, mimeType);
    }

    /**
     * A file part carrying {@code content} (base64 on the wire), sent whole in one {@code
     * part.done}.
     *
     * @throws IllegalArgumentException when {@code mimeType} is blank
     */
    public Builder fileBytes(byte[] content, String mimeType) {
      if (content == null) {
        throw new NullPointerException("content == null");
      }
      JsonObject file = new JsonObject();
      file.addProperty("type", "bytes");
      file.addProperty("bytes", Base64.getEncoder().encodeToString(content));
      return file(file, mimeType);
    }

    /**
     * A data part, a JSON object the assistant produced, sent whole in one {@code part.done}.
     *
     * @throws IllegalArgumentException when {@code json} is not a JSON object
     */
    public Builder data(String json) {
      JsonElement data = Scripts.parse(json, "json");
      if (!data.isJsonObject()) {
        throw new IllegalArgumentException("json must be a JSON object, was " + json);
      }
      steps.add(playback -> playback.wholePart("data", data.deepCopy()));
      return this;
    }

    /** {@code tool.started}: the assistant runs {@code call}. */
    public Builder toolStarted(ScriptedToolCall call) {
      return tool(
          "tool.started",
          call,
          data -> {
            data.addProperty("toolName", call.toolName);
            data.add("arguments", call.arguments());
          });
    }

    /** {@code tool.review.requested}: {@code call} waits for a person to approve it. */
    public Builder toolReviewRequested(ScriptedToolCall call) {
      return tool(
          "tool.review.requested",
          call,
          data -> {
            data.addProperty("toolName", call.toolName);
            data.add("arguments", call.arguments());
            data.addProperty("requiresApproval", true);
          });
    }

    /** {@code tool.review.done}: the review of {@code call} ended, approved or rejected. */
    public Builder toolReviewDone(ScriptedToolCall call, boolean approved) {
      return tool(
          "tool.review.done",
          call,
          data -> data.addProperty("review", approved ? "approved" : "rejected"));
    }

    /**
     * {@code tool.done}: {@code call} returned {@code resultJson}, any JSON value.
     *
     * @throws IllegalArgumentException when {@code resultJson} is not JSON
     */
    public Builder toolDone(ScriptedToolCall call, String resultJson) {
      JsonElement result = Scripts.parse(resultJson, "resultJson");
      return tool("tool.done", call, data -> data.add("result", result.deepCopy()));
    }

    /** {@code tool.failed}: {@code call} failed with {@code error}. */
    public Builder toolFailed(ScriptedToolCall call, String error) {
      Scripts.requireNonBlank(error, "error");
      return tool("tool.failed", call, data -> data.addProperty("error", error));
    }

    /** A pause at this point of the stream, e.g. a slow tool. */
    public Builder pause(Duration pause) {
      Scripts.requireNonNegative(pause, "pause");
      steps.add(playback -> Scripts.sleep(pause));
      return this;
    }

    /** A pause before the response headers are sent, to exercise timeouts. Defaults to zero. */
    public Builder headersDelay(Duration headersDelay) {
      this.headersDelay = Scripts.requireNonNegative(headersDelay, "headersDelay");
      return this;
    }

    /** A pause before every event after {@code response.started}. Defaults to zero. */
    public Builder eventDelay(Duration eventDelay) {
      this.eventDelay = Scripts.requireNonNegative(eventDelay, "eventDelay");
      return this;
    }

    /**
     * Ends with {@code response.done} carrying this finish reason, then {@code [DONE]}. The default
     * ending is finish reason {@code "stop"}.
     *
     * @param finishReason one of {@code stop}, {@code length}, {@code tool_calls}, {@code
     *     content_filter}, {@code function_call} (see also {@link #finishWithToolCalls}), {@code
     *     max_iterations} and {@code max_time}
     * @throws IllegalArgumentException for any other value
     */
    public Builder finish(String finishReason) {
      if (!FINISH_REASONS.contains(Scripts.requireNonBlank(finishReason, "finishReason"))) {
        throw new IllegalArgumentException(
            "finishReason must be one of " + FINISH_REASONS + ", was \"" + finishReason + "\"");
      }
      return end(Ending.finished(finishReason, Collections.emptyList()));
    }

    /**
     * Ends with {@code response.done}, finish reason {@code function_call}, handing these calls
     * back as {@code pendingToolCalls} for the caller to run.
     *
     * @throws IllegalArgumentException when there is no call
     */
    public Builder finishWithToolCalls(ScriptedToolCall... calls) {
      if (calls == null || calls.length == 0) {
        throw new IllegalArgumentException("calls is empty: name at least one pending tool call");
      }
      List<ScriptedToolCall> list = Arrays.asList(calls.clone());
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) == null) {
          throw new NullPointerException("calls[" + i + "] == null");
        }
      }
      return end(Ending.finished("function_call", list));
    }

    /**
     * Ends with {@code response.failed} carrying this HTTP-like status code and error, then {@code
     * [DONE]}.
     *
     * @throws IllegalArgumentException when {@code code} is not from 400 to 599
     */
    public Builder fail(int code, String error) {
      if (code < 400 || code > 599) {
        throw new IllegalArgumentException(
            "code must be an error status from 400 to 599, was " + code);
      }
      Scripts.requireNonBlank(error, "error");
      return end(Ending.failed(code, error));
    }

    /**
     * Ends the stream right after the steps so far, without {@code response.done} and without
     * {@code [DONE]}, as a dropped connection would.
     */
    public Builder truncate() {
      return end(Ending.truncated());
    }

    public ScriptedResponse build() {
      return new ScriptedResponse(this);
    }

    private Builder part(String kind, String[] chunks) {
      if (chunks == null || chunks.length == 0) {
        throw new IllegalArgumentException(kind + " needs at least one chunk");
      }
      List<String> list = Arrays.asList(chunks.clone());
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) == null) {
          throw new NullPointerException("chunks[" + i + "] == null");
        }
      }
      steps.add(playback -> playback.part(kind, list));
      return this;
    }

    private Builder file(JsonObject file, String mimeType) {
      file.addProperty("mimeType", Scripts.requireNonBlank(mimeType, "mimeType"));
      steps.add(playback -> playback.wholePart("file", file.deepCopy()));
      return this;
    }

    private Builder tool(String type, ScriptedToolCall call, ToolData fill) {
      if (call == null) {
        throw new NullPointerException("call == null");
      }
      steps.add(
          playback -> {
            JsonObject data = new JsonObject();
            data.addProperty("toolId", call.toolId);
            data.addProperty("toolCallId", call.toolCallId);
            fill.fill(data);
            playback.event(type, data);
          });
      return this;
    }

    private Builder end(Ending ending) {
      if (this.ending != null) {
        throw new IllegalStateException("the response already ends with " + this.ending.describe());
      }
      this.ending = ending;
      return this;
    }
  }

  private interface ToolData {
    void fill(JsonObject data);
  }

  /** How a response ends. */
  private static final class Ending {
    private final String finishReason; // null unless finished
    private final List<ScriptedToolCall> pendingToolCalls;
    private final int failureCode; // 0 unless failed
    private final String failure;

    private Ending(
        String finishReason,
        List<ScriptedToolCall> pendingToolCalls,
        int failureCode,
        String failure) {
      this.finishReason = finishReason;
      this.pendingToolCalls = pendingToolCalls;
      this.failureCode = failureCode;
      this.failure = failure;
    }

    static Ending finished(String finishReason, List<ScriptedToolCall> pendingToolCalls) {
      return new Ending(finishReason, pendingToolCalls, 0, null);
    }

    static Ending failed(int code, String error) {
      return new Ending(null, Collections.emptyList(), code, error);
    }

    static Ending truncated() {
      return new Ending(null, Collections.emptyList(), 0, null);
    }

    void play(Playback playback) throws IOException, InterruptedException {
      if (finishReason != null) {
        playback.storeAssistantMessage();
        JsonObject data = new JsonObject();
        data.addProperty("finishReason", finishReason);
        data.add("usage", playback.usage());
        if (!pendingToolCalls.isEmpty()) {
          JsonArray calls = new JsonArray();
          for (ScriptedToolCall call : pendingToolCalls) {
            JsonObject function = new JsonObject();
            function.addProperty("name", call.toolName);
            function.addProperty("arguments", call.argumentsJson());
            JsonObject pending = new JsonObject();
            pending.addProperty("id", call.toolCallId);
            pending.addProperty("type", "function");
            pending.add("function", function);
            calls.add(pending);
          }
          data.add("pendingToolCalls", calls);
        }
        playback.event("response.done", data);
        playback.done();
      } else if (failure != null) {
        JsonObject data = new JsonObject();
        data.addProperty("error", failure);
        data.addProperty("code", failureCode);
        playback.event("response.failed", data);
        playback.done();
      }
      // truncated: nothing more, and no [DONE]
    }

    String describe() {
      if (finishReason != null) {
        return "response.done (" + finishReason + ")";
      }
      return failure != null ? "response.failed (" + failureCode + ")" : "a truncated stream";
    }
  }
}
