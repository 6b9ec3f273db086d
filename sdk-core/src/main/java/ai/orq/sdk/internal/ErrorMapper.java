package ai.orq.sdk.internal;

import ai.orq.sdk.errors.BadRequestException;
import ai.orq.sdk.errors.ConflictException;
import ai.orq.sdk.errors.InternalServerException;
import ai.orq.sdk.errors.InvalidResponseException;
import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.errors.OrqServiceException;
import ai.orq.sdk.errors.OrqTimeoutException;
import ai.orq.sdk.errors.PermissionDeniedException;
import ai.orq.sdk.errors.RateLimitException;
import ai.orq.sdk.errors.UnauthorizedException;
import ai.orq.sdk.errors.UnprocessableEntityException;
import ai.orq.sdk.generated.internal.SafeText;
import ai.orq.sdk.model.ErrorMessage;
import ai.orq.sdk.model.ModelJsonException;
import ai.orq.sdk.model.ModelTypeAdapterFactory;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Not API. The one place where HTTP statuses and I/O failures become SDK exceptions. */
public final class ErrorMapper {
  /** Error bodies are read up to this many bytes; the rest is dropped. */
  public static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

  /** The longest message of an I/O failure kept as it is in a cause. */
  private static final int MAX_CAUSE_CHARS = 1_000;

  private ErrorMapper() {}

  /** The exception of an error response; reads at most 64 KiB of the body, and closes it. */
  public static OrqServiceException fromResponse(Response response) {
    ResponseBody body = response.body();
    String rawBody = "";
    if (body != null) {
      try {
        rawBody = BodyText.readAtMost(response, body, MAX_ERROR_BODY_BYTES);
      } finally {
        body.close();
      }
    }
    return forStatus(response.code(), response.headers(), rawBody, declaredMessage(rawBody));
  }

  /** The exception of a transport failure; OkHttp reports a cancel as a plain IOException. */
  public static OrqException fromIOException(IOException e, boolean canceled) {
    if (canceled) {
      return canceled(e);
    }
    if (e instanceof FramingBound.TooLargeException) {
      return ((FramingBound.TooLargeException) e).toSdkException();
    }
    if (isInterrupt(e)) {
      return new OrqCanceledException("Request interrupted: the calling thread was interrupted", e);
    }
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return new OrqTimeoutException("Request timed out: " + e.getMessage(), e);
    }
    IOException shown = safeCause(e);
    return new OrqIoException("Request failed: " + shown, shown);
  }

  /**
   * {@code e}, or, when its message is long or has control characters (OkHttp quotes the server in
   * some, such as an unexpected status line), an IOException with that message cut and escaped, the
   * class name in front, and {@code e}'s stack trace: a cause is printed in logs too.
   */
  public static IOException safeCause(IOException e) {
    String message = e.getMessage();
    if (message == null || SafeText.forMessage(message, MAX_CAUSE_CHARS).equals(message)) {
      return e;
    }
    IOException safe =
        new IOException(
            e.getClass().getName() + ": " + SafeText.forMessage(message, MAX_CAUSE_CHARS));
    safe.setStackTrace(e.getStackTrace());
    return safe;
  }

  /** The failure of a call canceled by its caller. */
  public static OrqCanceledException canceled(@Nullable IOException cause) {
    return new OrqCanceledException("Request canceled", cause);
  }

  /** Whether {@code e} reports a thread interrupt (Okio's "interrupted"), not a timeout. */
  public static boolean isInterrupt(IOException e) {
    return e instanceof InterruptedIOException
        && !(e instanceof SocketTimeoutException)
        && "interrupted".equals(e.getMessage());
  }

  /** A success status whose body is not what was expected. Does not close the response. */
  public static InvalidResponseException invalidResponse(
      Response response, String body, String problem, @Nullable Throwable cause) {
    return new InvalidResponseException(response.code(), response.headers(), body, problem, cause);
  }

  static OrqServiceException forStatus(
      int status, Headers headers, String rawBody, @Nullable String message) {
    switch (status) {
      case 400:
        return new BadRequestException(headers, rawBody, message);
      case 401:
        return new UnauthorizedException(headers, rawBody, message);
      case 403:
        return new PermissionDeniedException(headers, rawBody, message);
      case 404:
        return new NotFoundException(headers, rawBody, message);
      case 409:
        return new ConflictException(headers, rawBody, message);
      case 422:
        return new UnprocessableEntityException(headers, rawBody, message);
      case 429:
        return new RateLimitException(headers, rawBody, message);
      default:
        return status >= 500 && status <= 599
            ? new InternalServerException(status, headers, rawBody, message)
            : new OrqServiceException(status, headers, rawBody, message);
    }
  }

  @Nullable
  private static String declaredMessage(String rawBody) {
    try {
      ErrorMessage declared =
          JsonModels.read(ModelTypeAdapterFactory.adapter(ErrorMessage.class), rawBody);
      return declared == null ? null : declared.getMessage();
    } catch (ModelJsonException e) {
      return null; // not a declared error body: the raw body is all there is
    }
  }
}
