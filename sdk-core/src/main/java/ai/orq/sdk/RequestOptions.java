package ai.orq.sdk;

import ai.orq.sdk.internal.CallSettings;
import jakarta.annotation.Nullable;
import java.time.Duration;
import java.util.Objects;
import okhttp3.Headers;

/**
 * Per-call overrides of the client's settings, applied with {@code withOptions} to a call or a
 * stream ({@link OrqCall#withOptions}, {@link StreamResponse#withOptions}, {@link
 * AsyncStreamResponse#withOptions}). Immutable and thread-safe.
 *
 * <pre>{@code
 * RequestOptions options = RequestOptions.builder()
 *     .timeout(Duration.ofSeconds(30))
 *     .deadline(Duration.ofMinutes(2))
 *     .maxRetries(0)
 *     .header("X-Trace", "abc")
 *     .build();
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();

  @Nullable private final Duration timeout;
  @Nullable private final Duration deadline;
  @Nullable private final Integer maxRetries;
  @Nullable private final Boolean retryNonIdempotent;
  private final Headers headers;

  private RequestOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.deadline = builder.deadline;
    this.maxRetries = builder.maxRetries;
    this.retryNonIdempotent = builder.retryNonIdempotent;
    this.headers = builder.headers.build();
  }

  /** No overrides: every setting comes from the client. */
  public static RequestOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The timeout of each attempt, or null for the client's. */
  @Nullable
  public Duration timeout() {
    return timeout;
  }

  /** The deadline of the whole call or stream, or null for the client's. */
  @Nullable
  public Duration deadline() {
    return deadline;
  }

  /** The number of retries, or null for the client's. */
  @Nullable
  public Integer maxRetries() {
    return maxRetries;
  }

  /**
   * Whether this POST may be retried like an idempotent request, or null for the client's setting.
   */
  @Nullable
  public Boolean retryNonIdempotent() {
    return retryNonIdempotent;
  }

  /** Extra headers; each replaces a header of the same name the SDK would send. */
  public Headers headers() {
    return headers;
  }

  /** {@code defaults} with these overrides. */
  CallSettings applyTo(CallSettings defaults) {
    return equals(NONE)
        ? defaults
        : defaults.with(timeout, deadline, maxRetries, retryNonIdempotent, headers);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RequestOptions)) {
      return false;
    }
    RequestOptions that = (RequestOptions) o;
    return Objects.equals(timeout, that.timeout)
        && Objects.equals(deadline, that.deadline)
        && Objects.equals(maxRetries, that.maxRetries)
        && Objects.equals(retryNonIdempotent, that.retryNonIdempotent)
        && headers.equals(that.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, deadline, maxRetries, retryNonIdempotent, headers);
  }

  /** Names the extra headers but never shows their values, which may be credentials. */
  @Override
  public String toString() {
    return String.format(
        "RequestOptions{timeout=%s, deadline=%s, maxRetries=%s, retryNonIdempotent=%s, headers=%s}",
        timeout, deadline, maxRetries, retryNonIdempotent, headers.names());
  }

  /** Builds {@link RequestOptions}. Not thread-safe. */
  public static final class Builder {
    @Nullable private Duration timeout;
    @Nullable private Duration deadline;
    @Nullable private Integer maxRetries;
    @Nullable private Boolean retryNonIdempotent;
    private final Headers.Builder headers;

    private Builder() {
      headers = new Headers.Builder();
    }

    private Builder(RequestOptions options) {
      timeout = options.timeout;
      deadline = options.deadline;
      maxRetries = options.maxRetries;
      retryNonIdempotent = options.retryNonIdempotent;
      headers = options.headers.newBuilder();
    }

    /**
     * The timeout of each attempt of this call; {@link Duration#ZERO} means none.
     *
     * @throws IllegalArgumentException if negative, under 1 ms, or over about 24.8 days
     */
    public Builder timeout(Duration timeout) {
      this.timeout = OrqClient.checkTimeout(timeout, "timeout");
      return this;
    }

    /**
     * The deadline of this whole call or stream: from the first attempt, across retries and their
     * waits, to the result (a stream: to its {@code [DONE]}). Once it passes, the call or stream
     * fails with {@link ai.orq.sdk.errors.OrqTimeoutException} and its connection is closed; never
     * retried. Overrides {@link OrqClient.Builder#deadline}; {@link Duration#ZERO} means none.
     *
     * @throws IllegalArgumentException if negative, under 1 ms, or over about 24.8 days
     */
    public Builder deadline(Duration deadline) {
      this.deadline = OrqClient.checkTimeout(deadline, "deadline");
      return this;
    }

    /** The number of retries of this call; 0 turns them off. */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = OrqClient.checkMaxRetries(maxRetries);
      return this;
    }

    /**
     * Whether this call, if it is a POST ({@code create}, {@code generateName}, a stream), is
     * retried like an idempotent request, also when the server may already have processed it.
     * Overrides {@link OrqClient.Builder#retryNonIdempotent}.
     */
    public Builder retryNonIdempotent(boolean retryNonIdempotent) {
      this.retryNonIdempotent = retryNonIdempotent;
      return this;
    }

    /** Sends this header, replacing any header of the same name the SDK would send. */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      headers.set(name, value);
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
