package ai.orq.sdk;

import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.ErrorMapper;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs one request built by the generated Retrofit interface, with retries, typed errors and
 * strict parsing. Sync and async share {@link #outcomeOf}: they differ only in how they wait
 * (a latch, or a scheduled task that holds no thread) and how they report.
 */
final class RealOrqCall<T> implements OrqCall<T> {
  private final ClientContext context;
  private final Request request;
  private final Class<T> responseType;
  private final RequestOptions options;
  private final AtomicBoolean executed = new AtomicBoolean();
  private volatile boolean canceled;
  @Nullable private volatile Call inFlight;
  @Nullable private volatile Runnable wakeUp;

  RealOrqCall(ClientContext context, Request request, Class<T> responseType, RequestOptions options) {
    this.context = context;
    this.request = request;
    this.responseType = responseType;
    this.options = options;
  }

  @Override
  public T execute() {
    return executeWithResponse().body();
  }

  @Override
  public OrqResponse<T> executeWithResponse() {
    markExecuted();
    for (int attempt = 0; ; attempt++) {
      Call call = newAttempt(attempt);
      Outcome<T> outcome;
      try {
        outcome = outcomeOf(attempt, call.execute());
      } catch (IOException e) {
        outcome = outcomeOf(attempt, call.request(), e);
      }
      if (!outcome.isRetry()) {
        return outcome.get();
      }
      CountDownLatch retryTime = new CountDownLatch(1);
      schedule(retryTime::countDown, outcome.retryDelayMillis);
      try {
        retryTime.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
        throw new OrqCanceledException("Interrupted while waiting to retry", e);
      }
    }
  }

  @Override
  public void enqueue(OrqCallback<T> callback) {
    Objects.requireNonNull(callback, "callback == null");
    markExecuted();
    enqueueAttempt(0, callback);
  }

  @Override
  public CompletableFuture<T> executeAsync() {
    CompletableFuture<T> future =
        new CompletableFuture<T>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            boolean result = super.cancel(mayInterruptIfRunning);
            RealOrqCall.this.cancel();
            return result;
          }
        };
    enqueue(
        new OrqCallback<T>() {
          @Override
          public void onSuccess(OrqCall<T> call, OrqResponse<T> response) {
            future.complete(response.body());
          }

          @Override
          public void onFailure(OrqCall<T> call, OrqException error) {
            future.completeExceptionally(error);
          }
        });
    return future;
  }

  @Override
  public void cancel() {
    canceled = true;
    Call call = inFlight;
    if (call != null) {
      call.cancel();
    }
    Runnable retryNow = wakeUp;
    if (retryNow != null) {
      retryNow.run();
    }
  }

  @Override
  public boolean isCanceled() {
    return canceled;
  }

  @Override
  public boolean isExecuted() {
    return executed.get();
  }

  @Override
  public OrqCall<T> withOptions(RequestOptions options) {
    Objects.requireNonNull(options, "options == null");
    return new RealOrqCall<>(context, request, responseType, options);
  }

  @Override
  public OrqCall<T> clone() {
    return new RealOrqCall<>(context, request, responseType, options);
  }

  @Override
  public String toString() {
    return "OrqCall{" + request.method() + " " + request.url() + "}";
  }

  private void markExecuted() {
    if (!executed.compareAndSet(false, true)) {
      throw new IllegalStateException("Already executed.");
    }
  }

  private Call newAttempt(int attempt) {
    Call call = context.newCall(request, options, attempt);
    inFlight = call;
    if (canceled) {
      call.cancel();
    }
    return call;
  }

  private void enqueueAttempt(int attempt, OrqCallback<T> callback) {
    Call call;
    try {
      call = newAttempt(attempt);
    } catch (OrqException e) {
      callback.onFailure(this, e);
      return;
    }
    call.enqueue(
        new Callback() {
          @Override
          public void onResponse(Call call, Response response) {
            report(attempt, outcomeOf(attempt, response), callback);
          }

          @Override
          public void onFailure(Call call, IOException e) {
            report(attempt, outcomeOf(attempt, call.request(), e), callback);
          }
        });
  }

  private void report(int attempt, Outcome<T> outcome, OrqCallback<T> callback) {
    if (outcome.isRetry()) {
      try {
        schedule(() -> enqueueAttempt(attempt + 1, callback), outcome.retryDelayMillis);
        return;
      } catch (OrqException e) {
        callback.onFailure(this, e);
        return;
      }
    }
    if (outcome.error != null) {
      callback.onFailure(this, outcome.error);
    } else {
      callback.onSuccess(this, outcome.response);
    }
  }

  /** Runs {@code next} after the delay, or at once if the call is (or gets) canceled. */
  private void schedule(Runnable next, long delayMillis) {
    AtomicBoolean started = new AtomicBoolean();
    Runnable once = () -> {
      if (started.compareAndSet(false, true)) {
        next.run();
      }
    };
    ScheduledFuture<?> timer = context.scheduleRetry(once, delayMillis);
    Runnable retryNow = () -> {
      timer.cancel(false);
      once.run();
    };
    wakeUp = retryNow;
    if (canceled) {
      retryNow.run();
    }
  }

  private Outcome<T> outcomeOf(int attempt, Response response) {
    try {
      if (response.isSuccessful()) {
        return Outcome.parse(context.gson(), responseType, response, context.maxResponseBytes());
      }
      long delay = canceled ? -1 : context.retryDelay(attempt, options, response);
      return delay >= 0 ? Outcome.retry(delay) : Outcome.failure(ErrorMapper.fromResponse(response));
    } catch (IOException e) {
      return outcomeOf(attempt, response.request(), e);
    } catch (OrqException e) {
      return Outcome.failure(e);
    } finally {
      response.close();
    }
  }

  private Outcome<T> outcomeOf(int attempt, Request sent, IOException e) {
    long delay = canceled ? -1 : context.retryDelay(attempt, options, sent, e);
    return delay >= 0 ? Outcome.retry(delay) : Outcome.failure(ErrorMapper.fromIOException(e, canceled));
  }
}
