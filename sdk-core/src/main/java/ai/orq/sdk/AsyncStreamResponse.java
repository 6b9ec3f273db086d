package ai.orq.sdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A stream of events pushed to a {@link StreamHandler} as they arrive. Nothing is sent until {@link
 * #subscribe}.
 */
public interface AsyncStreamResponse<T> {

  /**
   * Sends the request and delivers its events to {@code handler}; callable once.
   *
   * @throws IllegalStateException on a second call
   */
  AsyncStreamResponse<T> subscribe(StreamHandler<T> handler);

  /**
   * Sends the request and delivers its events to {@code handler} on {@code executor}; callable
   * once. The calls still come one at a time, in order: the stream hands {@code onOpen} and each
   * {@code onEvent} to the executor and reads on when the call has returned, so a slow handler
   * slows the stream (through TCP flow control) instead of filling memory. The terminal call is
   * handed over last; if the executor refuses a call, the stream ends, and {@link
   * #onCompleteFuture()} reports it.
   *
   * @throws IllegalStateException on a second call
   */
  AsyncStreamResponse<T> subscribe(StreamHandler<T> handler, Executor executor);

  /**
   * Completes when the stream ends, or completes exceptionally with its failure. Cancelling it
   * closes the stream, as {@link #close()} does.
   */
  CompletableFuture<Void> onCompleteFuture();

  /**
   * A new, unsubscribed stream of the same request with these options instead of the current ones.
   */
  AsyncStreamResponse<T> withOptions(RequestOptions options);

  /**
   * Cancels the HTTP call; the handler then gets {@code onFailure} unless it already ended.
   * Idempotent.
   */
  void close();
}
