package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;
import okhttp3.Headers;

/** HTTP 401: the API key is missing, wrong or revoked. */
public final class UnauthorizedException extends OrqServiceException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(Headers headers, String rawBody, @Nullable String errorMessage) {
    super(401, headers, rawBody, errorMessage);
  }
}
