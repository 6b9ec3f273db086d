package ai.orq.sdk;

import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.internal.RetryingCall;
import ai.orq.sdk.model.ResponseEvent;
import jakarta.annotation.Nullable;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
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

  RealAsyncStreamResponse(RealStreamResponse events) {
    this.events = events;
  }

  @Override
  public AsyncStreamResponse<ResponseEvent> subscribe(StreamHandler<ResponseEvent> handler) {
    Objects.requireNonNull(handler, "handler == null");
    synchronized (this) {
      if (this.handler != null) {
        throw new IllegalStateException("Already subscribed.");
      }
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
      for (ResponseEvent event : events) {
        try {
          target.onEvent(event);
        } catch (RuntimeException | Error e) { // an AssertionError too: the stream still ends
          events.close();
          failure =
              e instanceof OrqException
                  ? (OrqException) e
                  : new OrqException("The StreamHandler failed in onEvent: " + e, e);
          error = e instanceof Error ? (Error) e : null;
          break;
        }
      }
      if (failure == null && events.isClosed()) {
        failure = events.canceled(null); // closed by the handler: still no normal end
      }
    } catch (OrqException e) { // truncated, an error event, a malformed or too large event
      failure = e;
    } catch (RuntimeException | Error e) { // a bug, or out of memory: still one terminal callback
      events.close();
      failure = new OrqException("The stream failed unexpectedly: " + e, e);
      error = e instanceof Error ? (Error) e : null;
    }
    if (failure != null) {
      fail(failure);
      if (error != null) {
        throw error; // passed on to OkHttp's thread, after the terminal callback
      }
    } else if (terminated.compareAndSet(false, true)) {
      try {
        target.onComplete();
      } finally {
        completion.complete(null);
      }
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
      try {
        target.onFailure(error);
      } finally {
        completion.completeExceptionally(error);
      }
    }
  }

  @Override
  public String toString() {
    return "AsyncStreamResponse{closed=" + events.isClosed() + "}";
  }
}
