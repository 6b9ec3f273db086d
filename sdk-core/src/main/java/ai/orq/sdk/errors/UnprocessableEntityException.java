package ai.orq.sdk.errors;

import jakarta.annotation.Nullable;
import okhttp3.Headers;

/** HTTP 422: the request is well-formed but its content was refused. */
public final class UnprocessableEntityException extends OrqServiceException {
  private static final long serialVersionUID = 1L;

  public UnprocessableEntityException(
      Headers headers, String rawBody, @Nullable String errorMessage) {
    super(422, headers, rawBody, errorMessage);
  }
}
