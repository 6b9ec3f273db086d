package ai.orq.sdk.streaming.internal;

import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.SdkLogging;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * Derives the OkHttp client of streams from a client's own: same pool, dispatcher, auth and
 * interceptors, but no call timeout, so a long answer is never cut off. The read timeout stays,
 * and for a stream it is an idle timeout: the longest wait for the next bytes.
 *
 * <p>Streams get a dispatcher of their own, sharing the client's threads: an open stream holds a
 * dispatcher slot for as long as it lasts, so on the client's dispatcher a few streams would hold
 * back every other async call to the host (OkHttp allows 5 per host by default). The streams'
 * dispatcher allows {@value #MAX_STREAMS_PER_HOST} per host and {@value #MAX_STREAMS} in all;
 * more wait in its queue. (Blocking streams run on the caller's thread and use no slot.)
 *
 * <p>OkHttp 4.12's {@code HttpLoggingInterceptor} at level BODY reads the whole body before
 * handing it on, which would hold every event back until the stream ends; in the derived client
 * the SDK's own such interceptor logs at level HEADERS instead. One a user put on their own
 * {@code OkHttpClient} is left as it is: it is theirs, with their logger and redactions.
 */
final class StreamingClients {
  static final int MAX_STREAMS_PER_HOST = 256;
  static final int MAX_STREAMS = 1024;

  /** Derived clients of the clients without per-request timeout, which are long-lived. */
  private static final Map<OkHttpClient, OkHttpClient> DERIVED = new WeakHashMap<>();
  /** The streams' dispatcher of each client dispatcher. */
  private static final Map<Dispatcher, Dispatcher> DISPATCHERS = new WeakHashMap<>();

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
    OkHttpClient.Builder builder = base.newBuilder()
        .callTimeout(0, TimeUnit.MILLISECONDS)
        .dispatcher(streamsDispatcher(base.dispatcher()));
    withoutBodyLogging(builder.interceptors());
    withoutBodyLogging(builder.networkInterceptors());
    return builder.build();
  }

  private static Dispatcher streamsDispatcher(Dispatcher calls) {
    synchronized (DISPATCHERS) {
      Dispatcher streams = DISPATCHERS.get(calls);
      if (streams == null) {
        streams = new Dispatcher(calls.executorService());
        streams.setMaxRequests(MAX_STREAMS);
        streams.setMaxRequestsPerHost(MAX_STREAMS_PER_HOST);
        DISPATCHERS.put(calls, streams);
      }
      return streams;
    }
  }

  private static void withoutBodyLogging(List<Interceptor> interceptors) {
    for (int i = 0; i < interceptors.size(); i++) {
      Interceptor interceptor = interceptors.get(i);
      if (SdkLogging.isOurs(interceptor)
          && ((HttpLoggingInterceptor) interceptor).getLevel() == HttpLoggingInterceptor.Level.BODY) {
        interceptors.set(i, SdkLogging.create(HttpLoggingInterceptor.Level.HEADERS));
      }
    }
  }
}
