package ai.orq.sdk.internal;

import jakarta.annotation.Nullable;
import java.io.IOException;
import java.net.UnknownServiceException;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Not API. Which failures are retried and how long to wait before the next attempt.
 *
 * <p>Retried: I/O failures (except TLS peer verification and cleartext refusals) and the statuses
 * 408, 409, 429 and 5xx. A request that is not idempotent (POST) is retried only when it provably
 * did not reach the server (see {@link WireRequests}) or when the server says it did not process
 * it: {@link #saysNotProcessed 429, or 503 with a retry delay}. The wait is the server's {@code
 * retry-after-ms} or {@code Retry-After} (seconds or an HTTP date) when present (a negative or
 * unreadable value counts as absent), otherwise an exponential backoff from 0.5 s doubling to an 8
 * s cap, shortened by up to 25% of jitter. A server that asks for more than {@link
 * #MAX_RETRY_AFTER_MILLIS} is not retried at all: the caller gets the error at once. Thread-safe.
 */
public final class RetryPolicy {
  /** Sent on every attempt: 0 on the first, 1 on the first retry, and so on. */
  public static final String RETRY_COUNT_HEADER = "X-Orq-Retry-Count";

  /** A server asking to wait longer than this (60 s) is not retried. */
  public static final long MAX_RETRY_AFTER_MILLIS = 60_000;

  private static final long INITIAL_DELAY_MILLIS = 500;
  private static final long MAX_DELAY_MILLIS = 8_000;
  private static final double MAX_JITTER = 0.25;

  private static final RetryPolicy DEFAULT =
      new RetryPolicy(System::currentTimeMillis, () -> ThreadLocalRandom.current().nextDouble());

  private final LongSupplier clock;
  private final DoubleSupplier random;

  RetryPolicy(LongSupplier clock, DoubleSupplier random) {
    this.clock = clock;
    this.random = random;
  }

  public static RetryPolicy defaults() {
    return DEFAULT;
  }

  /** The wait before retrying after attempt {@code attempt} (0 for the first), or -1 to fail. */
  long delayAfter(int attempt, CallSettings settings, Response response) {
    boolean retry =
        attempt < settings.maxRetries
            && isRetryable(response.code())
            && (repeatable(response.request(), settings) || saysNotProcessed(response));
    return retry ? delayMillis(attempt + 1, response) : -1;
  }

  /** As above, after an I/O failure; a POST only when it provably did not reach the server. */
  long delayAfter(int attempt, CallSettings settings, Request request, IOException e) {
    boolean retry =
        attempt < settings.maxRetries
            && isRetryable(e)
            && (repeatable(request, settings) || !WireRequests.Attempt.maybeSent(request));
    return retry ? delayMillis(attempt + 1, null) : -1;
  }

  static boolean repeatable(Request request, CallSettings settings) {
    return !"POST".equals(request.method()) || settings.retryNonIdempotent;
  }

  boolean isRetryable(int statusCode) {
    return statusCode == 408 || statusCode == 409 || statusCode == 429 || statusCode >= 500;
  }

  /** Whether the server says it did not process the request: 429, or 503 with a delay. */
  boolean saysNotProcessed(Response response) {
    return response.code() == 429
        || (response.code() == 503 && serverDelayMillis(response) != null);
  }

  boolean isRetryable(IOException e) {
    return !(e instanceof SSLPeerUnverifiedException
        || e instanceof UnknownServiceException
        || e instanceof FramingBound.TooLargeException
        || ErrorMapper.isInterrupt(e));
  }

  /**
   * The wait before retry {@code retry} (1 for the first), honouring {@code response}'s headers.
   */
  long delayMillis(int retry, @Nullable Response response) {
    Long asked = response == null ? null : serverDelayMillis(response);
    if (asked == null) {
      return backoffMillis(retry);
    }
    return asked > MAX_RETRY_AFTER_MILLIS ? -1 : Math.max(0, asked);
  }

  private long backoffMillis(int retry) {
    long full = INITIAL_DELAY_MILLIS << Math.min(Math.max(retry - 1, 0), 5);
    double capped = Math.min(full, MAX_DELAY_MILLIS);
    return (long) (capped * (1 - MAX_JITTER * random.getAsDouble()));
  }

  @Nullable
  private Long serverDelayMillis(Response response) {
    Double millis = parseNumber(response.header("retry-after-ms"));
    if (millis != null) {
      return millis.longValue();
    }
    Double seconds = parseNumber(response.header("Retry-After"));
    if (seconds != null) {
      return (long) (seconds * 1000);
    }
    Instant date = response.headers().getInstant("Retry-After");
    return date == null ? null : date.toEpochMilli() - clock.getAsLong();
  }

  @Nullable
  private static Double parseNumber(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      double parsed = Double.parseDouble(value.trim());
      return Double.isNaN(parsed) || Double.isInfinite(parsed) || parsed < 0 ? null : parsed;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
