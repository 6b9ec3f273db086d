package ai.orq.sdk.internal;

import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.errors.OrqTimeoutException;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.AsyncTimeout;

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
  private final boolean stream;
  @Nullable private final String conversationId;
  @Nullable private final String model;
  private volatile Observation observation = Observation.NONE;
  private volatile boolean canceled;
  private volatile boolean clientClosed;
  private volatile boolean timedOut;
  @Nullable private volatile Future<?> deadline;
  @Nullable private volatile Call inFlight;
  @Nullable private volatile RetryTimer.Wait waiting;

  @SuppressWarnings("unused") // never read: kept reachable so that it is enqueued while this runs
  @Nullable
  private Operations.Owner owner;

  /**
   * @param stream whether the operation goes on after its 2xx response, until {@link #finish()}: a
   *     stream, read after the attempts end; otherwise it ends with the handler's result
   * @param conversationId the conversation the operation is about, for its listeners, or null
   * @param model the model it asks for, for its listeners, or null
   */
  public RetryingCall(
      ClientContext context,
      OkHttpClient client,
      Request request,
      CallSettings settings,
      boolean stream,
      @Nullable String conversationId,
      @Nullable String model) {
    this.context = context;
    this.client = client;
    this.request = request;
    this.settings = settings;
    this.stream = stream;
    this.conversationId = conversationId;
    this.model = model;
  }

  /**
   * Ends this operation, as a cancel, should {@code owner} be garbage-collected before it ends: the
   * safety net for a stream dropped unclosed, whose connection would otherwise stay open. The
   * client looks for such owners whenever it starts an operation, and when it closes. Call it
   * before the operation starts; {@code owner} is not kept reachable.
   */
  public void endWhenUnreachable(Object owner) {
    this.owner = context.operations().owner(owner, this);
  }

  /** Reads the 2xx response that ends the attempts. */
  public interface ResponseHandler<T> {
    /** Takes over {@code response}. An IOException fails the attempt, which may be retried. */
    T handle(Response response) throws IOException;
  }

  /**
   * Exactly one of its methods runs, whatever is thrown on the way: a {@code RuntimeException} or
   * {@code Error} of the handler becomes an {@code onFailure}, and the {@code Error} is thrown on
   * after it.
   */
  public interface ResultCallback<T> {
    void onSuccess(T result);

    void onFailure(OrqException error);
  }

  /** Runs the attempts on this thread. */
  public <T> T execute(ResponseHandler<T> handler) {
    context.operations().add(this);
    start();
    boolean ended = true;
    try {
      T result = attempts(handler);
      ended = !stream;
      if (ended) {
        observation.end(null);
      }
      return result;
    } catch (OrqException e) {
      observation.end(e);
      throw e;
    } finally {
      if (ended) {
        finish();
      }
    }
  }

  /** What the operation's listeners are told; {@link Observation#NONE} until it starts. */
  public Observation observation() {
    return observation;
  }

  private void start() {
    observation = context.observe(request, stream, conversationId, model);
    startDeadline();
  }

  private <T> T attempts(ResponseHandler<T> handler) {
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
    try {
      context.operations().add(this);
    } catch (OrqException e) {
      callback.onFailure(e);
      return;
    }
    start();
    enqueueAttempt(0, handler, callback);
  }

  /**
   * Ends the operation for the client: it is no longer closed with it. A call ends by itself; a
   * stream ends when its body is closed. Idempotent.
   */
  public void finish() {
    context.operations().remove(this);
    Future<?> timer = deadline;
    if (timer != null) {
      timer.cancel(false);
    }
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

  /**
   * The failure of an operation that the client's close or its deadline ended, with {@code cause};
   * null when neither did.
   */
  @Nullable
  public OrqIoException endedBy(@Nullable Throwable cause) {
    if (clientClosed) {
      return Operations.clientClosed(cause);
    }
    if (timedOut) {
      return new OrqTimeoutException(
          "The deadline of " + settings.deadline.toMillis() + " ms passed", cause);
    }
    return null;
  }

  private void startDeadline() {
    long millis = settings.deadline.toMillis();
    if (millis > 0) {
      deadline =
          context
              .timer()
              .schedule(
                  millis,
                  () -> {
                    timedOut = true;
                    cancel();
                    observation.end(endedBy(null));
                  });
    }
  }

  /** Ends the operation because its owner is gone: no one will read or close it. */
  void abandon() {
    cancel();
    observation.end(new OrqCanceledException("The stream was dropped unclosed", null));
    finish();
  }

  /** Cancels the operation because the client closed: it fails as a closed client's does. */
  void closeByClient() {
    clientClosed = true;
    cancel();
    observation.end(Operations.clientClosed(null));
  }

  private <T> void enqueueAttempt(
      int attempt, ResponseHandler<T> handler, ResultCallback<T> callback) {
    Call call;
    try {
      call = newAttempt(attempt);
    } catch (OrqException e) {
      fail(callback, e);
      return;
    }
    call.enqueue(
        new Callback() {
          @Override
          public void onResponse(Call call, Response response) {
            Step<T> step;
            try {
              step = afterResponse(attempt, response, handler);
            } catch (RuntimeException | Error e) { // a bug, or out of memory: still one signal
              response.close();
              fail(callback, new OrqException("The call failed unexpectedly: " + e, e));
              throw e; // passed on to OkHttp's thread, after the signal
            }
            report(attempt, step, handler, callback);
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
        fail(callback, e);
      }
    } else if (step.error != null) {
      fail(callback, step.error);
    } else {
      if (!stream) {
        observation.end(null);
        finish();
      }
      callback.onSuccess(step.value);
    }
  }

  /** Ends the operation with {@code error}, for its listeners and then its callback. */
  private void fail(ResultCallback<?> callback, OrqException error) {
    observation.end(error);
    finish();
    callback.onFailure(error);
  }

  /** The attempt's call; canceled already when this is, to fail as any canceled attempt does. */
  private Call newAttempt(int attempt) {
    if (context.timer().isClosed()) {
      throw Operations.clientClosed(null);
    }
    Call call =
        client.newCall(
            AttemptRequests.of(request, settings, context.requestHeaders(), attempt, observation));
    inFlight = call;
    if (stream && client.readTimeoutMillis() > 0) {
      // the idle timeout bounds the head and an error body, however they trickle in
      call.timeout().timeout(client.readTimeoutMillis(), TimeUnit.MILLISECONDS);
    }
    if (canceled) {
      call.cancel();
    }
    return call;
  }

  /** Ends a stream attempt's bound on its head and error body: its events are read unbounded. */
  private void endHeadTimeout() {
    Call call = inFlight;
    if (stream && call != null && call.timeout() instanceof AsyncTimeout) { // OkHttp's call timer
      boolean unused = ((AsyncTimeout) call.timeout()).exit();
    }
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
        endHeadTimeout();
        observation.attemptEnds(attempt, response.code(), response.headers(), null, -1);
        return new Step<>(handler.handle(response), null, -1);
      }
      long delay = RetryPolicy.defaults().delayAfter(attempt, settings, response);
      observation.attemptEnds(
          attempt, response.code(), response.headers(), null, canceled ? -1 : delay);
      if (delay >= 0) {
        response.close(); // an answer to retry: a cancel meanwhile ends the call as a cancel
        endHeadTimeout();
        return canceled
            ? new Step<>(null, canceledFailure(null), -1)
            : new Step<>(null, null, delay);
      }
      OrqException error = ErrorMapper.fromResponse(response); // the head timer bounds the body
      endHeadTimeout();
      return new Step<>(null, error, -1);
    } catch (IOException e) {
      response.close();
      return afterFailure(attempt, response.request(), e);
    } catch (OrqException e) {
      return new Step<>(null, e, -1);
    }
  }

  private <T> Step<T> afterFailure(int attempt, Request sent, IOException e) {
    if (canceled) {
      observation.attemptEnds(attempt, 0, Headers.of(), e, -1);
      return new Step<>(null, canceledFailure(e), -1);
    }
    long delay = RetryPolicy.defaults().delayAfter(attempt, settings, sent, e);
    observation.attemptEnds(attempt, 0, Headers.of(), e, delay);
    return delay >= 0
        ? new Step<>(null, null, delay)
        : new Step<>(null, ErrorMapper.fromIOException(e, false), -1);
  }

  /** The failure of a canceled call: the client's close, the deadline, or a cancel. */
  private OrqException canceledFailure(@Nullable IOException cause) {
    OrqException ended = endedBy(cause);
    return ended != null ? ended : ErrorMapper.canceled(cause);
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
