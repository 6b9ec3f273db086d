package ai.orq.sdk.streaming.internal;

import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.StreamHandler;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.internal.ErrorMapper;
import ai.orq.sdk.model.ResponseEvent;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * The async stream: the request is sent on {@link #subscribe}; OkHttp's dispatcher thread that
 * receives the response then reads, decodes and hands each event to the handler, in order, as it
 * arrives. Retry waits run on the client's scheduler and hold no thread.
 *
 * <p>Exactly one terminal callback: {@code onComplete} after {@code [DONE]}, or {@code onFailure}
 * with the typed error; after {@link #close()}, {@code onFailure(OrqCanceledException)} unless
 * the stream had already ended. A handler whose {@code onEvent} throws, an {@code Error}
 * included, ends the stream: the call is canceled and {@code onFailure} receives the exception
 * (wrapped unless it is an {@link OrqException}). The future completes after the terminal callback
 * returns; cancelling it closes the stream.
 */
final class AsyncEventStream implements AsyncStreamResponse<ResponseEvent> {
  private final StreamingCall streamingCall;
  private final CompletableFuture<Void> completion = new CompletableFuture<Void>() {
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean canceled = super.cancel(mayInterruptIfRunning);
      close(); // stops the HTTP stream, as cancelling a call's future does
      return canceled;
    }
  };
  private final AtomicBoolean terminated = new AtomicBoolean();
  private final Object lock = new Object();

  // guarded by lock
  @Nullable private StreamHandler<ResponseEvent> handler;
  private boolean closed;
  @Nullable private Call call;
  @Nullable private Future<?> retryTimer;

  AsyncEventStream(StreamingCall streamingCall) {
    this.streamingCall = streamingCall;
  }

  @Override
  public AsyncStreamResponse<ResponseEvent> subscribe(StreamHandler<ResponseEvent> handler) {
    Objects.requireNonNull(handler, "handler == null");
    boolean alreadyClosed;
    synchronized (lock) {
      if (this.handler != null) {
        throw new IllegalStateException("Already subscribed.");
      }
      this.handler = handler;
      alreadyClosed = closed;
    }
    if (alreadyClosed) {
      fail(canceled(0, null));
    } else {
      start(0);
    }
    return this;
  }

  @Override
  public CompletableFuture<Void> onCompleteFuture() {
    return completion;
  }

  @Override
  public void close() {
    Call toCancel;
    Future<?> timer;
    boolean subscribed;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      toCancel = call;
      timer = retryTimer;
      subscribed = handler != null;
    }
    if (toCancel != null) {
      toCancel.cancel(); // OkHttp's thread reports it
    }
    if (timer != null && timer.cancel(false)) {
      fail(canceled(0, null)); // was waiting to retry: nobody else will report
    } else if (!subscribed) {
      fail(canceled(0, null));
    }
  }

  private void start(int attempt) {
    Call next;
    try {
      next = streamingCall.newCall(attempt);
    } catch (OrqException e) {
      fail(e);
      return;
    }
    boolean wasClosed;
    synchronized (lock) {
      wasClosed = closed;
      if (!wasClosed) {
        call = next;
        retryTimer = null;
      }
    }
    if (wasClosed) {
      fail(canceled(0, null)); // outside the lock: the handler runs user code
      return;
    }
    next.enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        if (isClosed()) {
          fail(canceled(0, e));
          return;
        }
        long delay = streamingCall.retryDelay(attempt, call, e);
        if (delay < 0) {
          fail(ErrorMapper.fromIOException(e));
        } else {
          retryLater(attempt + 1, delay);
        }
      }

      @Override
      public void onResponse(Call call, Response response) {
        if (isClosed()) {
          response.close();
          fail(canceled(0, null));
          return;
        }
        long delay = response.isSuccessful() ? -1 : streamingCall.retryDelay(attempt, response);
        if (delay >= 0) {
          response.close();
          retryLater(attempt + 1, delay);
          return;
        }
        OrqException failure = StreamingCall.startFailure(response);
        if (failure != null) {
          fail(failure);
        } else {
          deliver(response);
        }
      }
    });
  }

  private void retryLater(int attempt, long delayMillis) {
    OrqException failure = null;
    synchronized (lock) {
      if (closed) {
        failure = canceled(0, null);
      } else {
        try {
          retryTimer = streamingCall.context.scheduleRetry(() -> start(attempt), delayMillis);
        } catch (OrqException e) {
          failure = e;
        }
      }
    }
    if (failure != null) {
      fail(failure); // outside the lock: the handler runs user code
    }
  }

  /**
   * Reads the whole stream on this (OkHttp) thread, handing each event to the handler. The
   * response is closed, releasing the connection, before the terminal callback runs.
   */
  private void deliver(Response response) {
    StreamHandler<ResponseEvent> target = handler();
    OrqException failure = null;
    int delivered = 0;
    try (Response r = response) {
      SseReader reader = streamingCall.reader(r);
      while (true) {
        if (isClosed()) {
          failure = canceled(delivered, null);
          break;
        }
        ResponseEvent event = streamingCall.nextEvent(reader, delivered);
        if (event == null) {
          break; // [DONE]
        }
        try {
          target.onEvent(event);
        } catch (RuntimeException | Error e) { // an AssertionError too: the stream still ends
          cancelCall();
          failure = e instanceof OrqException ? (OrqException) e
              : new OrqException("The StreamHandler failed in onEvent: " + e, e);
          break;
        }
        delivered++;
      }
    } catch (IOException e) {
      failure = streamingCall.readFailure(e, isClosed(), delivered);
    } catch (OrqException e) { // truncated, an error event, a malformed or too large event
      failure = e;
    } catch (RuntimeException | Error e) { // a bug, or out of memory: still exactly one terminal callback
      failure = new OrqException("The stream failed unexpectedly: " + e, e);
    }
    if (failure == null) {
      complete();
    } else {
      fail(failure);
    }
  }

  private OrqCanceledException canceled(int delivered, @Nullable IOException cause) {
    return new OrqCanceledException("The stream was closed after " + delivered + " event(s)", cause);
  }

  private boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  private StreamHandler<ResponseEvent> handler() {
    synchronized (lock) {
      return Objects.requireNonNull(handler, "handler");
    }
  }

  private void cancelCall() {
    Call current;
    synchronized (lock) {
      current = call;
    }
    if (current != null) {
      current.cancel();
    }
  }

  private void complete() {
    if (terminated.compareAndSet(false, true)) {
      try {
        handler().onComplete();
      } finally {
        completion.complete(null);
      }
    }
  }

  /**
   * Reports the failure: to the handler once, and to the future. Before {@code subscribe} (after
   * an early {@code close()}) only the future learns of it; the handler gets it on subscribe.
   */
  private void fail(OrqException error) {
    StreamHandler<ResponseEvent> target;
    synchronized (lock) {
      target = handler;
    }
    if (target == null) {
      completion.completeExceptionally(error);
      return;
    }
    if (terminated.compareAndSet(false, true)) {
      try {
        target.onFailure(error);
      } finally {
        completion.completeExceptionally(error);
      }
    }
  }

  @Override
  public String toString() {
    return "AsyncStreamResponse{closed=" + isClosed() + "}";
  }
}
