package ai.orq.sdk.observe;

import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.Usage;
import jakarta.annotation.Nullable;

/**
 * How an operation ended: its error, or success; for a stream, what its events said of the
 * response. Immutable.
 */
public final class OperationEnd {
  @Nullable private final OrqException error;
  private final int attempts;
  private final int events;
  @Nullable private final String responseId;
  @Nullable private final String responseModel;
  @Nullable private final FinishReason finishReason;
  @Nullable private final Usage usage;

  /**
   * @param error the typed exception the caller gets, or null on success
   * @param attempts how many attempts were sent
   * @param events how many events a stream delivered (0 for a call)
   */
  public OperationEnd(
      @Nullable OrqException error,
      int attempts,
      int events,
      @Nullable String responseId,
      @Nullable String responseModel,
      @Nullable FinishReason finishReason,
      @Nullable Usage usage) {
    this.error = error;
    this.attempts = attempts;
    this.events = events;
    this.responseId = responseId;
    this.responseModel = responseModel;
    this.finishReason = finishReason;
    this.usage = usage;
  }

  /** The typed exception the caller gets (a cancel and a deadline included), or null on success. */
  @Nullable
  public OrqException error() {
    return error;
  }

  /** How many attempts were sent (0 when the operation ended before the first). */
  public int attempts() {
    return attempts;
  }

  /** How many events a stream delivered; 0 for a call. */
  public int events() {
    return events;
  }

  /** The response id of a stream's {@code response.started} event, or null. */
  @Nullable
  public String responseId() {
    return responseId;
  }

  /** The model a stream's {@code response.started} event names, or null. */
  @Nullable
  public String responseModel() {
    return responseModel;
  }

  /** The finish reason of a stream's {@code response.done} event, or null. */
  @Nullable
  public FinishReason finishReason() {
    return finishReason;
  }

  /** The token usage of a stream's {@code response.done} event, or null. */
  @Nullable
  public Usage usage() {
    return usage;
  }

  @Override
  public String toString() {
    return "OperationEnd{"
        + (error == null ? "success" : "error=" + error.getClass().getSimpleName())
        + ", attempts="
        + attempts
        + ", events="
        + events
        + "}";
  }
}
