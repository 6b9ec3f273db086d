package ai.orq.sdk.localserver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An HTTP error the server answers instead of running an operation, queued with {@link
 * LocalOrqServer#failNext}: a status, a {@code {"message": ...}} body and optional headers such as
 * {@code Retry-After}. Immutable; each {@code with} method returns a copy.
 *
 * <pre>{@code
 * server.failNext(Operation.CREATE_RESPONSE, 2, ScriptedError.status(429).retryAfter(Duration.ofMillis(10)));
 * }</pre>
 */
public final class ScriptedError {
  final int status;
  final String message;

  /** Name and value, alternating. */
  final List<String> headers;

  private ScriptedError(int status, String message, List<String> headers) {
    this.status = status;
    this.message = message;
    this.headers = headers;
  }

  /**
   * An error with this status, from 400 to 599, and a message saying it was scripted.
   *
   * @throws IllegalArgumentException for any other status
   */
  public static ScriptedError status(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException(
          "status must be an error status from 400 to 599, was " + status);
    }
    return new ScriptedError(
        status, "Scripted HTTP " + status + " from the local orq server", Collections.emptyList());
  }

  /** A copy whose body is {@code {"message": message}}. */
  public ScriptedError message(String message) {
    Scripts.requireNonBlank(message, "message");
    return new ScriptedError(status, message, headers);
  }

  /** A copy that also sends this response header. */
  public ScriptedError header(String name, String value) {
    Scripts.requireNonBlank(name, "name");
    if (value == null) {
      throw new NullPointerException("value == null");
    }
    List<String> copy = new ArrayList<>(headers);
    copy.add(name);
    copy.add(value);
    return new ScriptedError(status, message, Collections.unmodifiableList(copy));
  }

  /**
   * A copy that asks the client to wait: {@code Retry-After} in whole seconds (rounded up), and,
   * when {@code delay} is not a whole number of seconds, also {@code retry-after-ms}, which the SDK
   * prefers, so tests need not wait a full second.
   */
  public ScriptedError retryAfter(Duration delay) {
    Scripts.requireNonNegative(delay, "delay");
    long millis = delay.toMillis();
    ScriptedError withSeconds = header("Retry-After", String.valueOf((millis + 999) / 1000));
    return millis % 1000 == 0
        ? withSeconds
        : withSeconds.header("retry-after-ms", String.valueOf(millis));
  }

  @Override
  public String toString() {
    return "ScriptedError{" + status + ", " + message + "}";
  }
}
