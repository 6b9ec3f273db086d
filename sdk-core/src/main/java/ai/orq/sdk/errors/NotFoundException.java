package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;
import okhttp3.Headers;

/** HTTP 404: no conversation has this id. */
public final class NotFoundException extends OrqServiceException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(Headers headers, String rawBody, @Nullable String errorMessage) {
    super(404, headers, rawBody, errorMessage);
  }
}
