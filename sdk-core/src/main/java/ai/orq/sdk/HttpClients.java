package ai.orq.sdk;

import ai.orq.sdk.internal.AttemptRequests;
import ai.orq.sdk.internal.CallSettings;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.RetryTimer;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;

/** Assembles the OkHttp clients of an {@link OrqClient}, for calls and for streams. */
final class HttpClients {
  /**
   * Concurrent requests per host of a client's own dispatcher, so that many streams can be open.
   */
  static final int MAX_REQUESTS_PER_HOST = 64;

  /** Concurrent async streams per host; more wait in the streams' dispatcher queue. */
  static final int MAX_STREAMS_PER_HOST = 256;

  /** Concurrent async streams in all. */
  static final int MAX_STREAMS = 1024;

  private static final String VERSION = sdkVersion();

  private HttpClients() {}

  /** The context of a new client: its OkHttp clients, settings and retry timer. */
  static ClientContext newContext(OrqClient.Builder settings, RetryTimer timer) {
    HttpLoggingInterceptor logging = null;
    if (settings.logLevel != LogLevel.NONE) {
      logging = logging(HttpLoggingInterceptor.Level.valueOf(settings.logLevel.name()));
    }
    OkHttpClient calls = forCalls(settings, logging);
    return new ClientContext(
        calls,
        forStreams(calls, logging),
        settings.baseUrl,
        new CallSettings(null, settings.maxRetries, settings.retryNonIdempotent, Headers.of()),
        settings.maxResponseBytes,
        requestHeaders(settings),
        timer);
  }

  /**
   * The client of calls: the given one extended (sharing its pool and dispatcher) or a new one: its
   * interceptors and the extra ones first, then auth and User-Agent (so that no interceptor of the
   * user's sees the key), then logging, which redacts it. OkHttp's own silent retries (of a failed
   * connection, of a 408, of a 503 with {@code Retry-After: 0}) are off: the SDK's retries replace
   * them, so that {@code maxRetries} and the retry-count header are exact.
   *
   * <p>Without interceptors of the user's, auth and User-Agent are instead {@link #requestHeaders},
   * which the copy of the request made for each attempt carries: the same request on the wire, one
   * copy of it fewer per attempt.
   */
  private static OkHttpClient forCalls(
      OrqClient.Builder settings, @Nullable HttpLoggingInterceptor logging) {
    OkHttpClient.Builder http;
    if (settings.okHttpClient != null) {
      http = settings.okHttpClient.newBuilder();
    } else {
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
      http = new OkHttpClient.Builder().dispatcher(dispatcher);
    }
    http.interceptors().addAll(settings.interceptors);
    if (!http.interceptors().isEmpty()) {
      Headers defaults = defaultHeaders(settings);
      http.addInterceptor(
          chain -> chain.proceed(AttemptRequests.withDefaults(chain.request(), defaults)));
    }
    if (logging != null) {
      http.addInterceptor(logging);
    }
    return http.retryOnConnectionFailure(false)
        .connectTimeout(settings.connectTimeout)
        .callTimeout(settings.timeout)
        .readTimeout(settings.timeout)
        .writeTimeout(settings.timeout)
        .build();
  }

  /**
   * The client of streams, derived from that of calls: same pool, auth and interceptors, but no
   * call timeout, so a long answer is never cut off. The read timeout stays, and for a stream it is
   * an idle timeout: the longest wait for the next bytes.
   *
   * <p>Async streams get a dispatcher of their own, sharing the threads of the calls' one: an open
   * stream holds a dispatcher slot for as long as it lasts, so a few streams would hold back every
   * other async call to the host. (Blocking streams run on the caller's thread and use no slot.)
   *
   * <p>OkHttp 4.12's {@code HttpLoggingInterceptor} at level BODY reads the whole body before
   * handing it on, which would hold every event back until the stream ends: the SDK's own one logs
   * streams at level HEADERS. One a user put on their own {@code OkHttpClient} is theirs, and left
   * as it is.
   */
  private static OkHttpClient forStreams(
      OkHttpClient calls, @Nullable HttpLoggingInterceptor logging) {
    Dispatcher streams = new Dispatcher(calls.dispatcher().executorService());
    streams.setMaxRequests(MAX_STREAMS);
    streams.setMaxRequestsPerHost(MAX_STREAMS_PER_HOST);
    OkHttpClient.Builder builder =
        calls.newBuilder().callTimeout(Duration.ZERO).dispatcher(streams);
    if (logging != null && logging.getLevel() == HttpLoggingInterceptor.Level.BODY) {
      List<Interceptor> interceptors = builder.interceptors();
      interceptors.set(
          interceptors.indexOf(logging), logging(HttpLoggingInterceptor.Level.HEADERS));
    }
    return builder.build();
  }

  /** A logging interceptor at {@code level} that redacts {@code Authorization}. */
  private static HttpLoggingInterceptor logging(HttpLoggingInterceptor.Level level) {
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor().setLevel(level);
    logging.redactHeader("Authorization");
    return logging;
  }

  /**
   * {@code orq-java/<version> (Java <java.version>)}, then the application id when there is one.
   */
  static String userAgent(@Nullable String applicationId) {
    String sdk = "orq-java/" + VERSION + " (Java " + System.getProperty("java.version") + ")";
    return applicationId == null ? sdk : sdk + " " + applicationId;
  }

  /**
   * The headers that each attempt carries itself: auth and User-Agent when no interceptor of the
   * user's would see them (see {@link #forCalls}), otherwise none.
   */
  static Headers requestHeaders(OrqClient.Builder settings) {
    boolean userInterceptors =
        !settings.interceptors.isEmpty()
            || (settings.okHttpClient != null && !settings.okHttpClient.interceptors().isEmpty());
    return userInterceptors ? Headers.of() : defaultHeaders(settings);
  }

  /** The bearer key and the User-Agent. */
  private static Headers defaultHeaders(OrqClient.Builder settings) {
    return new Headers.Builder()
        .add("Authorization", "Bearer " + settings.apiKey)
        .add("User-Agent", userAgent(settings.applicationId))
        .build();
  }

  private static String sdkVersion() {
    try (InputStream in = HttpClients.class.getResourceAsStream("orq-sdk.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
