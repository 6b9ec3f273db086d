package ai.orq.sdk;

import ai.orq.sdk.errors.OrqException;
import jakarta.annotation.Nullable;
import okhttp3.Headers;

/**
 * A successful response: status, headers and the parsed body (or, as a stream's {@code head()}, the
 * status and headers alone). Immutable.
 */
public final class OrqResponse<T> {
  private final int statusCode;
  private final Headers headers;
  @Nullable private final T body;

  OrqResponse(int statusCode, Headers headers, @Nullable T body) {
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
  }

  public int statusCode() {
    return statusCode;
  }

  public Headers headers() {
    return headers;
  }

  /** The {@code x-request-id} the server sent, or null. */
  @Nullable
  public String requestId() {
    return headers.get(OrqException.REQUEST_ID_HEADER);
  }

  /**
   * The parsed body; null for an operation without one (such as {@code delete}) and for the head of
   * a stream.
   */
  @Nullable
  public T body() {
    return body;
  }

  @Override
  public String toString() {
    return "OrqResponse{statusCode=" + statusCode + ", requestId=" + requestId() + "}";
  }
}
