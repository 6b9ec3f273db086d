package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;
import okhttp3.Headers;

/** HTTP 5xx: the server or a gateway in front of it failed. Retried by default. */
public final class InternalServerException extends OrqServiceException {
  private static final long serialVersionUID = 1L;

  public InternalServerException(
      int statusCode, Headers headers, String rawBody, @Nullable String errorMessage) {
    super(statusCode, headers, rawBody, errorMessage);
  }
}
