package ai.orq.sdk.errors;

import ai.orq.sdk.generated.internal.SafeText;
import jakarta.annotation.Nullable;

/**
 * An event's {@code data} is not a JSON event object, or lacks a property the spec requires. The
 * stream stops here; {@link #rawData()} keeps what the server sent. (An event of an unknown type is
 * not malformed: it arrives as {@code ResponseEvent.Unknown}.)
 */
public final class MalformedEventException extends OrqException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_MESSAGE_CHARS = 200;
  private static final int MAX_PROBLEM_CHARS = 1_000;

  private final String rawData;

  /**
   * @param problem what is wrong, for the message
   * @param cause the parser's error, if any
   */
  public MalformedEventException(String rawData, String problem, @Nullable Throwable cause) {
    super(
        String.format(
            "malformed event data (%s): '%s'",
            SafeText.forMessage(problem, MAX_PROBLEM_CHARS),
            SafeText.forMessage(rawData, MAX_MESSAGE_CHARS)),
        cause);
    this.rawData = rawData;
  }

  /** The event's {@code data} exactly as received, lines joined with LF. */
  public String rawData() {
    return rawData;
  }
}
