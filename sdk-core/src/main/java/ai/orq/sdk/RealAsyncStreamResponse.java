package ai.orq.sdk;

import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.internal.RetryingCall;
import ai.orq.sdk.model.ResponseEvent;
import jakarta.annotation.Nullable;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Response;

/**
 * The async stream: a {@link RealStreamResponse} started on {@link #subscribe} and read on the
 * OkHttp thread that receives its response, each event handed to the handler, in order, as it
 * arrives. Waits to retry run on the client's timer and hold no thread.
 *
 * <p>Exactly one terminal callback: {@code onComplete} after {@code [DONE]}, or {@code onFailure}
 * with the typed error; after {@link #close()}, {@code onFailure(OrqCanceledException)} unless the
 * stream had already ended. A handler whose {@code onEvent} throws, an {@code Error} included, ends
 * the stream: it is closed and {@code onFailure} receives the exception (wrapped unless it is an
 * {@link OrqException}); an {@code Error} is then thrown on, to OkHttp's thread. The future
 * completes after the terminal callback returns; cancelling it closes the stream.
 *
 * <p>With an executor, the reading thread hands each {@code onOpen} and {@code onEvent} to it and
 * waits until the call returns (so the handler's calls stay one at a time, in order, and a slow
 * handler still slows the stream instead of filling memory); what it throws comes back to the
 * reading thread as if thrown there. The terminal callback is handed over without waiting; should
 * the executor refuse it, only the future learns of the end.
 */
final class RealAsyncStreamResponse
    implements AsyncStreamResponse<ResponseEvent>, RetryingCall.ResultCallback<Response> {
  private final RealStreamResponse events;
  private final AtomicBoolean terminated = new AtomicBoolean();
  private final CompletableFuture<Void> completion =
      new CompletableFuture<Void>() {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
          boolean canceled = super.cancel(mayInterruptIfRunning);
          close(); // stops the HTTP stream, as cancelling a call's future does
          return canceled;
        }
      };
  @Nullable private volatile StreamHandler<ResponseEvent> handler;
  @Nullable private volatile Executor executor; // null: the handler runs on the reading thread

  RealAsyncStreamResponse(RealStreamResponse events) {
    this.events = events;
  }

  @Override
  public AsyncStreamResponse<ResponseEvent> subscribe(StreamHandler<ResponseEvent> handler) {
    return start(handler, null);
  }

  @Override
  public AsyncStreamResponse<ResponseEvent> subscribe(
      StreamHandler<ResponseEvent> handler, Executor executor) {
    return start(handler, Objects.requireNonNull(executor, "executor == null"));
  }

  private AsyncStreamResponse<ResponseEvent> start(
      StreamHandler<ResponseEvent> handler, @Nullable Executor executor) {
    Objects.requireNonNull(handler, "handler == null");
    synchronized (this) {
      if (this.handler != null) {
        throw new IllegalStateException("Already subscribed.");
      }
      this.executor = executor;
      this.handler = handler;
    }
    if (events.isClosed()) {
      fail(events.canceled(null));
    } else {
      events.startAsync(this);
    }
    return this;
  }

  @Override
  public CompletableFuture<Void> onCompleteFuture() {
    return completion;
  }

  @Override
  public AsyncStreamResponse<ResponseEvent> withOptions(RequestOptions options) {
    return new RealAsyncStreamResponse(events.withOptions(options));
  }

  @Override
  public void close() {
    if (events.isClosed()) {
      return;
    }
    events.close(); // a failure follows from whoever was waiting for the stream
    if (handler == null) {
      fail(events.canceled(null));
    }
  }

  /** Reads the whole stream on this (OkHttp) thread, handing each event to the handler. */
  @Override
  public void onSuccess(Response started) {
    StreamHandler<ResponseEvent> target = Objects.requireNonNull(handler, "handler");
    OrqException failure = null;
    Error error = null;
    try {
      events.begin(started);
      OrqResponse<Void> head = events.head();
      Throwable thrown = callHandler(() -> target.onOpen(head));
      Iterator<ResponseEvent> each = events.iterator();
      while (thrown == null && each.hasNext()) {
        ResponseEvent event = each.next();
        thrown = callHandler(() -> target.onEvent(event));
      }
      if (thrown != null) { // an AssertionError too: the stream still ends
        failure =
            thrown instanceof OrqException
                ? (OrqException) thrown
                : new OrqException("The StreamHandler failed: " + thrown, thrown);
        events.ended(failure);
        events.close();
        error = thrown instanceof Error ? (Error) thrown : null;
      }
      if (failure == null && events.isClosed()) {
        failure = events.canceled(null); // closed by the handler: still no normal end
      }
    } catch (OrqException e) { // truncated, an error event, a malformed or too large event
      failure = e;
    } catch (RuntimeException | Error e) { // a bug, or out of memory: still one terminal callback
      failure = new OrqException("The stream failed unexpectedly: " + e, e);
      events.ended(failure);
      events.close();
      error = e instanceof Error ? (Error) e : null;
    }
    if (failure != null) {
      fail(failure);
      if (error != null) {
        throw error; // passed on to OkHttp's thread, after the terminal callback
      }
    } else if (terminated.compareAndSet(false, true)) {
      terminate(
          () -> {
            try {
              target.onComplete();
            } finally {
              completion.complete(null);
            }
          },
          () -> completion.complete(null));
    }
  }

  /**
   * Runs {@code call} (on the handler's executor, if any, waiting until it has returned); what it
   * threw, or null.
   */
  @Nullable
  private Throwable callHandler(Runnable call) {
    Executor on = executor;
    try {
      if (on == null) {
        events.runCallback(call);
        return null;
      }
      FutureTask<Void> task = new FutureTask<>(() -> events.runCallback(call), null);
      on.execute(task);
      task.get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new OrqCanceledException("Interrupted while the StreamHandler ran", e);
    } catch (RuntimeException | Error e) { // from the handler, or the executor's refusal
      return e;
    }
  }

  /**
   * Runs the terminal {@code callback} (on the handler's executor, if any, without waiting), or
   * {@code refused} when that executor refuses it.
   */
  private void terminate(Runnable callback, Runnable refused) {
    Executor on = executor;
    if (on == null) {
      events.runCallback(callback);
      return;
    }
    try {
      on.execute(() -> events.runCallback(callback));
    } catch (RejectedExecutionException e) {
      refused.run();
    }
  }

  @Override
  public void onFailure(OrqException error) {
    fail(events.isClosed() ? events.canceled(error) : error);
  }

  /**
   * Reports the failure: to the handler once, and to the future. Before {@code subscribe} (after an
   * early {@code close()}) only the future learns of it; the handler gets it on subscribe.
   */
  private void fail(OrqException error) {
    StreamHandler<ResponseEvent> target = handler;
    if (target == null) {
      completion.completeExceptionally(error);
      return;
    }
    if (terminated.compareAndSet(false, true)) {
      terminate(
          () -> {
            try {
              target.onFailure(error);
            } finally {
              completion.completeExceptionally(error);
            }
          },
          () -> completion.completeExceptionally(error));
    }
  }

  @Override
  public String toString() {
    return "AsyncStreamResponse{closed=" + events.isClosed() + "}";
  }
}
