package ai.orq.sdk.internal;

import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Not API. The attempt engine, the one place that runs attempts: it sends the request, and while
 * the answer is one to retry ({@link RetryPolicy}) waits on the client's {@link RetryTimer} and
 * sends it again, until a final answer. A 2xx response goes to the {@link ResponseHandler}; any
 * other final answer becomes the typed exception of {@link ErrorMapper}. Blocking ({@link
 * #execute}) or with a callback ({@link #enqueue}); calls and both stream forms use it. Runs once;
 * {@link #cancel()} may come from any thread.
 */
public final class RetryingCall {
  private final ClientContext context;
  private final OkHttpClient client;
  private final Request request;
  private final CallSettings settings;
  private volatile boolean canceled;
  @Nullable private volatile Call inFlight;
  @Nullable private volatile RetryTimer.Wait waiting;

  public RetryingCall(
      ClientContext context, OkHttpClient client, Request request, CallSettings settings) {
    this.context = context;
    this.client = client;
    this.request = request;
    this.settings = settings;
  }

  /** Reads the 2xx response that ends the attempts. */
  public interface ResponseHandler<T> {
    /** Takes over {@code response}. An IOException fails the attempt, which may be retried. */
    T handle(Response response) throws IOException;
  }

  /** Exactly one of its methods runs. */
  public interface ResultCallback<T> {
    void onSuccess(T result);

    void onFailure(OrqException error);
  }

  /** Runs the attempts on this thread. */
  public <T> T execute(ResponseHandler<T> handler) {
    for (int attempt = 0; ; attempt++) {
      Call call = newAttempt(attempt);
      Step<T> step;
      try {
        step = afterResponse(attempt, call.execute(), handler);
      } catch (IOException e) {
        step = afterFailure(attempt, call.request(), e);
      }
      if (!step.isRetry()) {
        return step.result();
      }
      CountDownLatch retryTime = new CountDownLatch(1);
      waitThen(step.retryDelayMillis, retryTime::countDown);
      try {
        retryTime.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
        throw new OrqCanceledException("Interrupted while waiting to retry", e);
      }
    }
  }

  /** Runs the attempts on OkHttp's dispatcher (a closed client fails on the finding thread). */
  public <T> void enqueue(ResponseHandler<T> handler, ResultCallback<T> callback) {
    enqueueAttempt(0, handler, callback);
  }

  /** Aborts the attempt in flight, or ends the wait for the next one. Idempotent. */
  public void cancel() {
    canceled = true;
    Call call = inFlight;
    if (call != null) {
      call.cancel();
    }
    RetryTimer.Wait wait = waiting;
    if (wait != null) {
      wait.wake();
    }
  }

  public boolean isCanceled() {
    return canceled;
  }

  private <T> void enqueueAttempt(
      int attempt, ResponseHandler<T> handler, ResultCallback<T> callback) {
    Call call;
    try {
      call = newAttempt(attempt);
    } catch (OrqException e) {
      callback.onFailure(e);
      return;
    }
    call.enqueue(
        new Callback() {
          @Override
          public void onResponse(Call call, Response response) {
            report(attempt, afterResponse(attempt, response, handler), handler, callback);
          }

          @Override
          public void onFailure(Call call, IOException e) {
            report(attempt, afterFailure(attempt, call.request(), e), handler, callback);
          }
        });
  }

  private <T> void report(
      int attempt, Step<T> step, ResponseHandler<T> handler, ResultCallback<T> callback) {
    if (step.isRetry()) {
      try {
        waitThen(step.retryDelayMillis, () -> enqueueAttempt(attempt + 1, handler, callback));
      } catch (OrqException e) {
        callback.onFailure(e);
      }
    } else if (step.error != null) {
      callback.onFailure(step.error);
    } else {
      callback.onSuccess(step.value);
    }
  }

  /** The attempt's call; canceled already when this is, to fail as any canceled attempt does. */
  private Call newAttempt(int attempt) {
    if (context.timer().isClosed()) {
      throw RetryTimer.closedException();
    }
    Call call =
        client.newCall(AttemptRequests.of(request, settings, context.requestHeaders(), attempt));
    inFlight = call;
    if (canceled) {
      call.cancel();
    }
    return call;
  }

  private void waitThen(long delayMillis, Runnable next) {
    RetryTimer.Wait wait = context.timer().start(delayMillis, next);
    waiting = wait;
    if (canceled) {
      wait.wake();
    }
  }

  private <T> Step<T> afterResponse(int attempt, Response response, ResponseHandler<T> handler) {
    try {
      if (response.isSuccessful()) {
        return new Step<>(handler.handle(response), null, -1);
      }
      long delay = canceled ? -1 : RetryPolicy.defaults().delayAfter(attempt, settings, response);
      if (delay >= 0) {
        response.close();
        return new Step<>(null, null, delay);
      }
      return new Step<>(null, ErrorMapper.fromResponse(response), -1);
    } catch (IOException e) {
      response.close();
      return afterFailure(attempt, response.request(), e);
    } catch (OrqException e) {
      return new Step<>(null, e, -1);
    }
  }

  private <T> Step<T> afterFailure(int attempt, Request sent, IOException e) {
    long delay = canceled ? -1 : RetryPolicy.defaults().delayAfter(attempt, settings, sent, e);
    return delay >= 0
        ? new Step<>(null, null, delay)
        : new Step<>(null, ErrorMapper.fromIOException(e, canceled), -1);
  }

  /** What follows one attempt: a result, a failure, or a retry after a delay. */
  private static final class Step<T> {
    @Nullable final T value;
    @Nullable final OrqException error;
    final long retryDelayMillis;

    Step(@Nullable T value, @Nullable OrqException error, long retryDelayMillis) {
      this.value = value;
      this.error = error;
      this.retryDelayMillis = retryDelayMillis;
    }

    boolean isRetry() {
      return retryDelayMillis >= 0;
    }

    T result() {
      if (error != null) {
        throw error;
      }
      return value;
    }
  }
}
