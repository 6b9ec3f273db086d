package ai.orq.sdk.internal;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Not API. Makes every request on the wire one the SDK decided to send, and tells whether an
 * attempt that failed may have reached the server.
 *
 * <p>{@link #NETWORK} runs for each request OkHttp writes. It marks the attempt's {@link Attempt}
 * as sent (before any byte is written: a failure before it, in DNS, connect or the TLS handshake,
 * provably sent nothing), and hides a 503's {@code Retry-After} from OkHttp 4's follow-up logic,
 * which would otherwise repeat the request on its own after {@code Retry-After: 0}, POST included.
 * {@link #RESTORE}, the last application interceptor, puts the header back before anyone else sees
 * the response.
 */
public final class WireRequests {
  private static final String HIDDEN_RETRY_AFTER = "X-Orq-Hidden-Retry-After";

  private static final Interceptor NETWORK =
      chain -> {
        Request request = chain.request();
        Attempt attempt = request.tag(Attempt.class);
        if (attempt != null) {
          attempt.sent = true;
        }
        Response response = chain.proceed(request);
        String retryAfter = response.header("Retry-After");
        if (response.code() != 503 || retryAfter == null) {
          return response;
        }
        return response
            .newBuilder()
            .removeHeader("Retry-After")
            .header(HIDDEN_RETRY_AFTER, retryAfter)
            .build();
      };

  private static final Interceptor RESTORE = chain -> restore(chain.proceed(chain.request()));

  private WireRequests() {}

  /** {@code client} with both interceptors last in their lists (itself when it has them). */
  static OkHttpClient install(OkHttpClient client) {
    if (client.networkInterceptors().contains(NETWORK)) {
      return client;
    }
    return install(client.newBuilder()).build();
  }

  /**
   * {@code builder} with both interceptors added last (unless it has them), for a client built with
   * nothing added after them: {@link ClientContext} then takes that client as it is, without
   * building another.
   */
  public static OkHttpClient.Builder install(OkHttpClient.Builder builder) {
    if (builder.networkInterceptors().contains(NETWORK)) {
      return builder;
    }
    return builder.addInterceptor(RESTORE).addNetworkInterceptor(NETWORK);
  }

  private static Response restore(Response response) {
    String retryAfter = response.header(HIDDEN_RETRY_AFTER);
    if (retryAfter == null) {
      return response;
    }
    return response
        .newBuilder()
        .removeHeader(HIDDEN_RETRY_AFTER)
        .header("Retry-After", retryAfter)
        .build();
  }

  /** The state of one attempt, tagged on its request. */
  public static final class Attempt {
    volatile boolean sent;

    /** Whether the request may have reached the server: OkHttp began writing it. */
    public static boolean maybeSent(Request request) {
      Attempt attempt = request.tag(Attempt.class);
      return attempt == null || attempt.sent;
    }
  }
}
