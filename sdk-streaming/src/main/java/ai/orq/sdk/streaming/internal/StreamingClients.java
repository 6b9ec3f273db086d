package ai.orq.sdk.streaming.internal;

import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.internal.ClientContext;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * Derives the OkHttp client of streams from a client's own: same pool, dispatcher, auth and
 * interceptors, but no call timeout, so a long answer is never cut off. The read timeout stays,
 * and for a stream it is an idle timeout: the longest wait for the next bytes.
 *
 * <p>OkHttp 4.12's {@code HttpLoggingInterceptor} at level BODY reads the whole body before
 * handing it on, which would hold every event back until the stream ends; in the derived client
 * such an interceptor logs at level HEADERS instead (with the default logger, redacting
 * {@code Authorization}).
 */
final class StreamingClients {
  /** Derived clients of the clients without per-request timeout, which are long-lived. */
  private static final Map<OkHttpClient, OkHttpClient> DERIVED = new WeakHashMap<>();

  private StreamingClients() {}

  static OkHttpClient of(ClientContext context, RequestOptions options) {
    OkHttpClient base = context.httpClient(options);
    if (options.timeout() != null) {
      return derive(base); // a fresh client per request anyway
    }
    synchronized (DERIVED) {
      OkHttpClient derived = DERIVED.get(base);
      if (derived == null) {
        derived = derive(base);
        DERIVED.put(base, derived);
      }
      return derived;
    }
  }

  static OkHttpClient derive(OkHttpClient base) {
    OkHttpClient.Builder builder = base.newBuilder().callTimeout(0, TimeUnit.MILLISECONDS);
    withoutBodyLogging(builder.interceptors());
    withoutBodyLogging(builder.networkInterceptors());
    return builder.build();
  }

  private static void withoutBodyLogging(List<Interceptor> interceptors) {
    for (int i = 0; i < interceptors.size(); i++) {
      Interceptor interceptor = interceptors.get(i);
      if (interceptor instanceof HttpLoggingInterceptor
          && ((HttpLoggingInterceptor) interceptor).getLevel() == HttpLoggingInterceptor.Level.BODY) {
        HttpLoggingInterceptor headersOnly =
            new HttpLoggingInterceptor().setLevel(HttpLoggingInterceptor.Level.HEADERS);
        headersOnly.redactHeader("Authorization");
        interceptors.set(i, headersOnly);
      }
    }
  }
}
