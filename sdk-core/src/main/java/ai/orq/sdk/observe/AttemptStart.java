package ai.orq.sdk.observe;

import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * An attempt about to be sent, whose request a listener may add headers to (trace context, for
 * instance). Valid only during {@link OrqListener.Operation#onAttemptStart}.
 */
public final class AttemptStart {
  private final int number;
  private final Request request;
  private final Request.Builder headers;

  /**
   * @param number 0 for the first attempt, 1 for the first retry...
   * @param headers where headers set here go
   */
  public AttemptStart(int number, Request request, Request.Builder headers) {
    this.number = number;
    this.request = Objects.requireNonNull(request, "request == null");
    this.headers = Objects.requireNonNull(headers, "headers == null");
  }

  /** 0 for the first attempt, 1 for the first retry... */
  public int number() {
    return number;
  }

  public String method() {
    return request.method();
  }

  public HttpUrl url() {
    return request.url();
  }

  /**
   * Sets a header of this attempt's request, replacing any of that name.
   *
   * @throws IllegalArgumentException for {@code Authorization}, which only the SDK sets, or a name
   *     or value OkHttp refuses
   */
  public void setHeader(String name, String value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    if (name.toLowerCase(Locale.ROOT).equals("authorization")) {
      throw new IllegalArgumentException("name: Authorization is set by the SDK only");
    }
    headers.header(name, value);
  }

  @Override
  public String toString() {
    return "AttemptStart{" + number + ", " + request.method() + " " + request.url() + "}";
  }
}
