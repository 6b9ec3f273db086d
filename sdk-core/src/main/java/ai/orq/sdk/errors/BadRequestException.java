package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;
import okhttp3.Headers;

/**
 * HTTP 400: the request was refused as invalid; for generateName, the conversation already has a
 * display name.
 */
public final class BadRequestException extends OrqServiceException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(Headers headers, String rawBody, @Nullable String errorMessage) {
    super(400, headers, rawBody, errorMessage);
  }
}
