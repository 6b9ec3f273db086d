package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;

/**
 * An attempt took longer than its timeout (connect, read, the whole attempt, or a stream's head
 * within its idle timeout), or a call or stream ran past its deadline.
 */
public final class OrqTimeoutException extends OrqIoException {
  private static final long serialVersionUID = 1L;

  public OrqTimeoutException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
