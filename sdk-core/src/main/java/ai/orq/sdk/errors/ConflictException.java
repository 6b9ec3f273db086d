package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;
import okhttp3.Headers;

/** HTTP 409: the request conflicts with the current state. Retried by default. */
public final class ConflictException extends OrqServiceException {
  private static final long serialVersionUID = 1L;

  public ConflictException(Headers headers, String rawBody, @Nullable String errorMessage) {
    super(409, headers, rawBody, errorMessage);
  }
}
