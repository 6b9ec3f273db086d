package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;

/**
 * The event stream ended before its closing {@code [DONE]}: the connection dropped mid-stream, or
 * the server ended the body early. The response may be incomplete; the events delivered before are
 * valid. Never retried, since the server has already acted on the request.
 */
public final class StreamTruncatedException extends OrqIoException {
  private static final long serialVersionUID = 1L;
  private final int eventsReceived;

  public StreamTruncatedException(String message, int eventsReceived, @Nullable Throwable cause) {
    super(message, cause);
    this.eventsReceived = eventsReceived;
  }

  /** How many events were delivered before the stream broke off. */
  public int eventsReceived() {
    return eventsReceived;
  }
}
