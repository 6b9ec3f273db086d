package ai.orq.sdk.errors;

import ai.orq.sdk.generated.internal.SafeText;

/**
 * The server reported an error inside the event stream with an SSE {@code event: error} whose data
 * is not a typed event (a typed one, such as {@code response.failed}, arrives as an event). The
 * stream stops here; the events delivered before are valid.
 */
public final class StreamErrorException extends OrqException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_MESSAGE_CHARS = 1_000;

  private final String errorMessage;
  private final String rawData;
  private final int eventsReceived;

  /**
   * @param errorMessage the error's {@code message} (or {@code error}) text, or the raw data
   * @param rawData the event's data as received
   */
  public StreamErrorException(String errorMessage, String rawData, int eventsReceived) {
    super(
        String.format(
            "The server reported an error in the stream after %s event(s): %s",
            eventsReceived, SafeText.forMessage(errorMessage, MAX_MESSAGE_CHARS)),
        null);
    this.errorMessage = errorMessage;
    this.rawData = rawData;
    this.eventsReceived = eventsReceived;
  }

  /** The server's error text, as sent. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The error event's {@code data} exactly as received, lines joined with LF. */
  public String rawData() {
    return rawData;
  }

  /** How many events were delivered before the error. */
  public int eventsReceived() {
    return eventsReceived;
  }
}
