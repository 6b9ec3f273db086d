package ai.orq.sdk.observe;

import jakarta.annotation.Nullable;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Headers;

/**
 * How an attempt ended: its response's status and headers, or its I/O failure; and what follows.
 * Immutable.
 */
public final class AttemptEnd {
  private final int number;
  private final int statusCode;
  private final Headers headers;
  @Nullable private final IOException failure;
  private final long retryDelayMillis;

  /**
   * @param statusCode the response's status, or 0 when the attempt failed without one
   * @param failure the I/O failure of an attempt without a response, or null
   * @param retryDelayMillis the wait before the next attempt, or -1 when there is none
   */
  public AttemptEnd(
      int number,
      int statusCode,
      Headers headers,
      @Nullable IOException failure,
      long retryDelayMillis) {
    this.number = number;
    this.statusCode = statusCode;
    this.headers = Objects.requireNonNull(headers, "headers == null");
    this.failure = failure;
    this.retryDelayMillis = retryDelayMillis;
  }

  /** 0 for the first attempt, 1 for the first retry... */
  public int number() {
    return number;
  }

  /** The response's status, or 0 when the attempt failed without one. */
  public int statusCode() {
    return statusCode;
  }

  /** The response's headers; empty without a response. */
  public Headers headers() {
    return headers;
  }

  /** Why the attempt got no response (connection refused, timeout...), or null when it got one. */
  @Nullable
  public IOException failure() {
    return failure;
  }

  /** Whether another attempt follows. */
  public boolean willRetry() {
    return retryDelayMillis >= 0;
  }

  /** The wait before the next attempt, or -1 when none follows. */
  public long retryDelayMillis() {
    return retryDelayMillis;
  }

  @Override
  public String toString() {
    return "AttemptEnd{"
        + number
        + ", status="
        + statusCode
        + (failure == null ? "" : ", failure=" + failure.getClass().getName())
        + ", retryDelayMillis="
        + retryDelayMillis
        + "}";
  }
}
