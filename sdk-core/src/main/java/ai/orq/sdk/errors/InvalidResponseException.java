package ai.orq.sdk.errors;

import ai.orq.sdk.generated.internal.SafeText;
import jakarta.annotation.Nullable;
import okhttp3.Headers;

/**
 * The server answered with a success status, but the body is not JSON or not of the expected shape.
 * Carries the status, the headers and the start of the body; in the message, the problem, the
 * request id and the body are cut and their control characters escaped.
 */
public final class InvalidResponseException extends OrqException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SNIPPET_CHARS = 1024;
  private static final int MAX_PROBLEM_CHARS = 1_000;

  private final int statusCode;
  private final transient Headers headers;
  @Nullable private final String requestId;
  private final String bodySnippet;

  public InvalidResponseException(
      int statusCode, Headers headers, String body, String problem, @Nullable Throwable cause) {
    super(describe(statusCode, headers, body, problem), cause);
    this.statusCode = statusCode;
    this.headers = headers;
    this.requestId = headers.get(REQUEST_ID_HEADER);
    this.bodySnippet = cut(body);
  }

  public int statusCode() {
    return statusCode;
  }

  /**
   * The response headers. Not serialized: an exception read back from a stream has none (the {@link
   * #requestId()} is kept).
   */
  public Headers headers() {
    return headers == null ? Headers.of() : headers;
  }

  /** The {@code x-request-id} the server sent, or null. */
  @Nullable
  public String requestId() {
    return requestId;
  }

  /** The start of the body (at most 1024 characters); empty when there was none. */
  public String bodySnippet() {
    return bodySnippet;
  }

  private static String describe(int statusCode, Headers headers, String body, String problem) {
    StringBuilder message =
        new StringBuilder("HTTP ")
            .append(statusCode)
            .append(" with an invalid body: ")
            .append(SafeText.forMessage(problem, MAX_PROBLEM_CHARS));
    String requestId = headers.get(REQUEST_ID_HEADER);
    if (requestId != null) {
      message.append(" (request id ").append(SafeText.forMessage(requestId, 200)).append(')');
    }
    return message
        .append("; body: '")
        .append(SafeText.forMessage(body, MAX_SNIPPET_CHARS))
        .append('\'')
        .toString();
  }

  private static String cut(String body) {
    return body.length() <= MAX_SNIPPET_CHARS ? body : body.substring(0, MAX_SNIPPET_CHARS) + "...";
  }
}
