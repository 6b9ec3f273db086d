package ai.orq.sdk.internal;

import jakarta.annotation.Nullable;
import java.time.Duration;
import okhttp3.Headers;

/**
 * Not API. The settings one call or stream runs with: the client's, with the overrides of its
 * request options applied. Immutable.
 */
public final class CallSettings {
  @Nullable final Duration timeout;
  final Duration deadline;
  final int maxRetries;
  final boolean retryNonIdempotent;
  final Headers headers;

  /**
   * A null timeout is the client's; a zero deadline is none; each header replaces one of that name.
   */
  public CallSettings(
      @Nullable Duration timeout,
      Duration deadline,
      int maxRetries,
      boolean retryNonIdempotent,
      Headers headers) {
    this.timeout = timeout;
    this.deadline = deadline;
    this.maxRetries = maxRetries;
    this.retryNonIdempotent = retryNonIdempotent;
    this.headers = headers;
  }

  public int maxRetries() {
    return maxRetries;
  }

  /** These settings with each override that is not null. */
  public CallSettings with(
      @Nullable Duration timeout,
      @Nullable Duration deadline,
      @Nullable Integer maxRetries,
      @Nullable Boolean retryNonIdempotent,
      Headers headers) {
    return new CallSettings(
        timeout != null ? timeout : this.timeout,
        deadline != null ? deadline : this.deadline,
        maxRetries != null ? maxRetries : this.maxRetries,
        retryNonIdempotent != null ? retryNonIdempotent : this.retryNonIdempotent,
        headers);
  }
}
