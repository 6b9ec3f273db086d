package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;

/** The root of every exception the SDK throws. Unchecked. */
public class OrqException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The response header that carries the server's request id. */
  public static final String REQUEST_ID_HEADER = "x-request-id";

  public OrqException(String message) {
    super(message);
  }

  public OrqException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
