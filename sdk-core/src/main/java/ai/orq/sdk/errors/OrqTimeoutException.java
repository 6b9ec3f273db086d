package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;

/** An attempt took longer than its timeout (connect, read or the whole attempt). */
public final class OrqTimeoutException extends OrqIoException {
  private static final long serialVersionUID = 1L;

  public OrqTimeoutException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
