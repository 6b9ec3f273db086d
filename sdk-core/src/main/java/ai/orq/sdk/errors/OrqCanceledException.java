package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;

/** The call was canceled by the caller (or the waiting thread was interrupted). Never retried. */
public final class OrqCanceledException extends OrqIoException {

  public OrqCanceledException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
