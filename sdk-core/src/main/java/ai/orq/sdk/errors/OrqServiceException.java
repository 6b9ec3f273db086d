package ai.orq.sdk.errors;

import ai.orq.sdk.generated.internal.SafeText;
import jakarta.annotation.Nullable;
import okhttp3.Headers;

/**
 * The server answered with an error status. Subclasses name the common statuses; this class itself
 * is thrown for any other one.
 *
 * <p>The message always starts with the status, for instance {@code HTTP 404 Not Found:
 * Conversation not found (request id req_123)}, whatever the body was. The server's text in it is
 * cut (at 1,000 characters) and its control characters, line breaks included, are escaped, so that
 * it cannot forge log lines; {@link #errorMessage()} and {@link #rawBody()} keep it as sent.
 *
 * <p>A redirect (3xx) is never followed: it arrives as this exception, its message naming the
 * {@code Location} ({@code HTTP 307 Temporary Redirect (Location https://...)}), which {@link
 * #headers()} also holds.
 */
public class OrqServiceException extends OrqException {
  private static final long serialVersionUID = 1L;
  private static final int MESSAGE_SNIPPET_CHARS = 200;
  private static final int MAX_ERROR_MESSAGE_CHARS = 1_000;

  private final int statusCode;
  private final transient Headers headers;
  @Nullable private final String requestId;
  private final String rawBody;
  @Nullable private final String errorMessage;

  /**
   * @param rawBody the response body as received, possibly truncated; empty when there was none
   * @param errorMessage the {@code message} of a {@code {"message": ...}} body, or null
   */
  public OrqServiceException(
      int statusCode, Headers headers, String rawBody, @Nullable String errorMessage) {
    super(describe(statusCode, headers, rawBody, errorMessage));
    this.statusCode = statusCode;
    this.headers = headers;
    this.requestId = headers.get(REQUEST_ID_HEADER);
    this.rawBody = rawBody;
    this.errorMessage = errorMessage;
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

  /** The body as received, cut at 64 KiB; empty when there was none. */
  public String rawBody() {
    return rawBody;
  }

  /**
   * The {@code message} of a declared {@code {"message": ...}} error body, or null for any other
   * body.
   */
  @Nullable
  public String errorMessage() {
    return errorMessage;
  }

  private static String describe(
      int statusCode, Headers headers, String rawBody, @Nullable String errorMessage) {
    StringBuilder message = new StringBuilder("HTTP ").append(statusCode);
    String reason = reasonPhrase(statusCode);
    if (reason != null) {
      message.append(' ').append(reason);
    }
    String detail =
        errorMessage != null
            ? SafeText.forMessage(errorMessage, MAX_ERROR_MESSAGE_CHARS)
            : snippet(rawBody);
    if (!detail.isEmpty()) {
      message.append(": ").append(detail);
    }
    String location = headers.get("Location");
    if (statusCode >= 300 && statusCode <= 399 && location != null) {
      message.append(" (Location ").append(SafeText.forMessage(location, 200)).append(')');
    }
    String requestId = headers.get(REQUEST_ID_HEADER);
    if (requestId != null) {
      message.append(" (request id ").append(SafeText.forMessage(requestId, 200)).append(')');
    }
    return message.toString();
  }

  private static String snippet(String rawBody) {
    return SafeText.forMessage(rawBody.replaceAll("\\s+", " ").trim(), MESSAGE_SNIPPET_CHARS);
  }

  @Nullable
  private static String reasonPhrase(int statusCode) {
    switch (statusCode) {
      case 301:
        return "Moved Permanently";
      case 302:
        return "Found";
      case 303:
        return "See Other";
      case 307:
        return "Temporary Redirect";
      case 308:
        return "Permanent Redirect";
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 408:
        return "Request Timeout";
      case 409:
        return "Conflict";
      case 413:
        return "Payload Too Large";
      case 422:
        return "Unprocessable Entity";
      case 429:
        return "Too Many Requests";
      case 500:
        return "Internal Server Error";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      default:
        return null;
    }
  }
}
