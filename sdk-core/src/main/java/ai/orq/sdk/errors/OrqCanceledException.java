package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;

/** The call was canceled by the caller (or the waiting thread was interrupted). Never retried. */
public final class OrqCanceledException extends OrqIoException {
  private static final long serialVersionUID = 1L;

  public OrqCanceledException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
