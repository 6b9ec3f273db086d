package ai.orq.sdk;

import ai.orq.sdk.errors.OrqException;

/**
 * Receives the events of an {@link AsyncStreamResponse}. Calls come one at a time, in order, on an
 * OkHttp thread (or on the executor given to {@code subscribe}): block in them and the stream
 * waits. Exactly one of {@link #onComplete()} and {@link #onFailure} ends the stream; nothing
 * follows it. Two failures come on another thread, the one that finds them: a stream closed before
 * it was subscribed fails on the subscribing thread, and a failure because the client is closed is
 * reported as for {@link OrqCallback} (on the thread that subscribed, that closed the client, the
 * client's retry-scheduler thread, or the OkHttp thread reading the stream).
 */
public interface StreamHandler<T> {

  /**
   * The stream's 2xx response has arrived: its status, headers and request id, before the first
   * event. Called once, unless the stream fails before it starts.
   */
  default void onOpen(OrqResponse<Void> head) {}

  void onEvent(T event);

  /** The stream ended normally. Terminal. */
  default void onComplete() {}

  /** The stream failed or was closed. Terminal. */
  default void onFailure(OrqException error) {}
}
