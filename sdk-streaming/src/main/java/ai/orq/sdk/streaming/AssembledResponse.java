package ai.orq.sdk.streaming;

import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.PendingToolCall;
import ai.orq.sdk.model.ResponsePart;
import ai.orq.sdk.model.Usage;
import jakarta.annotation.Nullable;
import java.util.List;

/**
 * The assistant's answer assembled from a response stream by {@link ResponseAccumulator}.
 * Immutable, except that {@link #usage()}, {@link #pendingToolCalls()} and {@link #otherParts()}
 * hand out the generated model objects as received.
 */
public final class AssembledResponse {
  @Nullable private final String responseId;
  private final String text;
  private final String reasoning;
  @Nullable private final FinishReason finishReason;
  @Nullable private final Usage usage;
  private final List<PendingToolCall> pendingToolCalls;
  private final List<ResponsePart> otherParts;
  private final int eventCount;

  AssembledResponse(
      @Nullable String responseId,
      String text,
      String reasoning,
      @Nullable FinishReason finishReason,
      @Nullable Usage usage,
      List<PendingToolCall> pendingToolCalls,
      List<ResponsePart> otherParts,
      int eventCount) {
    this.responseId = responseId;
    this.text = text;
    this.reasoning = reasoning;
    this.finishReason = finishReason;
    this.usage = usage;
    this.pendingToolCalls = pendingToolCalls;
    this.otherParts = otherParts;
    this.eventCount = eventCount;
  }

  /** The id from {@code response.started}, or null when that event did not arrive. */
  @Nullable
  public String responseId() {
    return responseId;
  }

  /** The text parts joined in the order they started; empty when there were none. */
  public String text() {
    return text;
  }

  /** The reasoning parts joined in the order they started; empty when there were none. */
  public String reasoning() {
    return reasoning;
  }

  /**
   * Why the assistant stopped ({@code stop}, {@code length}, {@code function_call}, ... or a newer
   * value as received), from {@code response.done}; null when that event did not arrive.
   */
  @Nullable
  public FinishReason finishReason() {
    return finishReason;
  }

  /** The token counts from {@code response.done}, or null when the server sent none. */
  @Nullable
  public Usage usage() {
    return usage;
  }

  /**
   * The tool calls waiting for your results (finish reason {@code function_call}); unmodifiable,
   * maybe empty.
   */
  public List<PendingToolCall> pendingToolCalls() {
    return pendingToolCalls;
  }

  /**
   * The parts that are neither text nor reasoning (files, data, and kinds newer than this SDK, as
   * {@link ResponsePart.Unknown}), each as the last event of its part id sent it, in the order they
   * started; unmodifiable, maybe empty.
   */
  public List<ResponsePart> otherParts() {
    return otherParts;
  }

  /** How many events were assembled, of every type. */
  public int eventCount() {
    return eventCount;
  }

  @Override
  public String toString() {
    return String.format(
        "AssembledResponse{responseId=%s, finishReason=%s, events=%s, text=%s}",
        responseId, finishReason, eventCount, text);
  }
}
