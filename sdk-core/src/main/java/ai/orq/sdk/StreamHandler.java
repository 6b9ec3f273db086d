package ai.orq.sdk;

import ai.orq.sdk.errors.OrqException;

/**
 * Receives the events of an {@link AsyncStreamResponse}. Calls come one at a time, in order, on an
 * OkHttp thread: block in them and the stream waits. Exactly one of {@link #onComplete()} and
 * {@link #onFailure} ends the stream; nothing follows it. A failure that happens before the
 * request is under way (the stream was closed first, or the client is closed) is reported on the
 * thread that subscribed, closed the stream or closed the client.
 */
public interface StreamHandler<T> {

  void onEvent(T event);

  /** The stream ended normally. Terminal. */
  default void onComplete() {}

  /** The stream failed or was closed. Terminal. */
  default void onFailure(OrqException error) {}
}
