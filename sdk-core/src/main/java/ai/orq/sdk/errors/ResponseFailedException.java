package ai.orq.sdk.errors;

import ai.orq.sdk.generated.internal.SafeText;
import jakarta.annotation.Nullable;

/**
 * The server reported a {@code response.failed} event: the assistant could not answer. Thrown by
 * {@code ai.orq.sdk.streaming.ResponseAccumulator}; a plain stream delivers the event itself and
 * ends normally. In the message, the error is cut and its control characters escaped.
 */
public final class ResponseFailedException extends OrqException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_MESSAGE_CHARS = 1_000;
  private final String error;
  @Nullable private final Integer code;

  public ResponseFailedException(String error, @Nullable Integer code) {
    super(
        "response failed"
            + (code == null ? "" : " (" + code + ")")
            + ": "
            + SafeText.forMessage(error, MAX_MESSAGE_CHARS));
    this.error = error;
    this.code = code;
  }

  /** The error the server reported. */
  public String error() {
    return error;
  }

  /** The HTTP-like status code the server reported, or null when it sent none. */
  @Nullable
  public Integer code() {
    return code;
  }
}
