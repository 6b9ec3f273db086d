package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;

/** The root of every exception the SDK throws. Unchecked. */
public class OrqException extends RuntimeException {

  public OrqException(String message) {
    super(message);
  }

  public OrqException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
