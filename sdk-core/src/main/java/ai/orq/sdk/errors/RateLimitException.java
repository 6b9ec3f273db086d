package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;
import okhttp3.Headers;

/** HTTP 429: too many requests. Retried by default, honouring {@code Retry-After}. */
public final class RateLimitException extends OrqServiceException {
  private static final long serialVersionUID = 1L;

  public RateLimitException(Headers headers, String rawBody, @Nullable String errorMessage) {
    super(429, headers, rawBody, errorMessage);
  }
}
