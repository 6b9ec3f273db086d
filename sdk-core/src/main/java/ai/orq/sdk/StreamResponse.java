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

  /**
   * The status, headers and request id of the stream's 2xx response, before the first event (its
   * body is the events). Sends the request, if the iteration has not, and waits for the response;
   * the iteration then goes on from there. Call it on the reading thread.
   *
   * @throws ai.orq.sdk.errors.OrqException what the first read would throw (the request failed, the
   *     server answered with an error, the stream is closed); the iteration then throws it too
   */
  OrqResponse<Void> head();

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
