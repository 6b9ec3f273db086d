package ai.orq.sdk.spring;

import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqServiceException;
import ai.orq.sdk.observe.OperationEnd;
import ai.orq.sdk.observe.OperationStart;
import ai.orq.sdk.observe.OrqListener;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Records how the client's operations end, for the health indicator: how many ended, how many in a
 * row failed on the API's side, and the last failure and success. Every error counts as a failure
 * on the API's side (I/O failure, timeout, HTTP 401, 403 or 5xx, a response or stream the client
 * could not use) but a cancel and the other 4xx statuses, a request of the caller's that the API
 * refused: those change nothing but the count. Thread-safe.
 */
final class RecentOutcomes implements OrqListener {
  private final Clock clock;

  @GuardedBy("this")
  private long operations;

  @GuardedBy("this")
  private int consecutiveFailures;

  @GuardedBy("this")
  private @Nullable Instant lastSuccess;

  @GuardedBy("this")
  private @Nullable Instant lastFailure;

  @GuardedBy("this")
  private @Nullable String lastError;

  RecentOutcomes(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Operation onStart(OperationStart start) {
    return new Operation() {
      @Override
      public void onEnd(OperationEnd end) {
        record(end.error());
      }
    };
  }

  private synchronized void record(@Nullable OrqException error) {
    operations++;
    if (error == null) {
      consecutiveFailures = 0;
      lastSuccess = clock.instant();
    } else if (isApiFailure(error)) {
      consecutiveFailures++;
      lastFailure = clock.instant();
      lastError = describe(error);
    }
  }

  synchronized int consecutiveFailures() {
    return consecutiveFailures;
  }

  /** What the health endpoint shows: counts, times and the last error's type (no message). */
  synchronized Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("operations", operations);
    details.put("consecutiveFailures", consecutiveFailures);
    if (lastSuccess != null) {
      details.put("lastSuccess", lastSuccess.toString());
    }
    if (lastFailure != null) {
      details.put("lastFailure", lastFailure.toString());
      details.put("lastError", lastError);
    }
    return details;
  }

  static boolean isApiFailure(OrqException error) {
    if (error instanceof OrqCanceledException) {
      return false;
    }
    if (error instanceof OrqServiceException service) {
      int status = service.statusCode();
      return status >= 500 || status == 401 || status == 403;
    }
    return true;
  }

  /** The error's type, and its status for an HTTP error: never its message or body. */
  static String describe(Throwable error) {
    String type = error.getClass().getSimpleName();
    return error instanceof OrqServiceException service
        ? type + " (HTTP " + service.statusCode() + ")"
        : type;
  }
}
