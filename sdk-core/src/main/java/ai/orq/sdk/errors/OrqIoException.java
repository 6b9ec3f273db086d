package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;

/**
 * The request failed before a complete response arrived: connection refused or reset, DNS, TLS...
 */
public class OrqIoException extends OrqException {
  private static final long serialVersionUID = 1L;

  public OrqIoException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
