package ai.orq.sdk;

import java.util.stream.Stream;

/**
 * A blocking stream of events, read as they arrive. Nothing is sent until it is first read: the
 * request goes out (with its retries) when the iteration asks for the first event. Iterate it once,
 * with {@link #iterator()} or {@link #stream()}, on one thread; failures surface there as {@link
 * ai.orq.sdk.errors.OrqException}. Always close it, best with try-with-resources:
 *
 * <pre>{@code
 * try (StreamResponse<ResponseEvent> events = conversations.createConversationResponse(id, request)) {
 *   for (ResponseEvent event : events) { ... }
 * }
 * }</pre>
 */
public interface StreamResponse<T> extends AutoCloseable, Iterable<T> {

  /** The events as a sequential {@link Stream}; closing that stream closes this one. */
  Stream<T> stream();

  /** A new, unstarted stream of the same request with these options instead of the current ones. */
  StreamResponse<T> withOptions(RequestOptions options);

  /**
   * Cancels the HTTP call (or the wait to retry it) and releases the connection. Idempotent,
   * callable from any thread; a reader blocked on the next event gets a cancel failure.
   */
  @Override
  void close();
}
