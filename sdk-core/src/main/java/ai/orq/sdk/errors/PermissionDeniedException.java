package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;
import okhttp3.Headers;

/** HTTP 403: the API key may not do this. */
public final class PermissionDeniedException extends OrqServiceException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(Headers headers, String rawBody, @Nullable String errorMessage) {
    super(403, headers, rawBody, errorMessage);
  }
}
