package ai.orq.sdk;

import ai.orq.sdk.errors.OrqException;

/**
 * Receives the events of an {@link AsyncStreamResponse}. Calls come one at a time, in order, on an
 * OkHttp thread: block in them and the stream waits. Exactly one of {@link #onComplete()} and
 * {@link #onFailure} ends the stream; nothing follows it. A failure that happens while no request
 * is under way (the stream was closed, or its future cancelled, before the response or while
 * waiting to retry; or the client is closed) is reported on the thread that found it: the thread
 * that subscribed, closed the stream, cancelled its future or closed the client, or the client's
 * retry-scheduler thread (the client closed as a retry wait ended).
 */
public interface StreamHandler<T> {

  void onEvent(T event);

  /** The stream ended normally. Terminal. */
  default void onComplete() {}

  /** The stream failed or was closed. Terminal. */
  default void onFailure(OrqException error) {}
}
