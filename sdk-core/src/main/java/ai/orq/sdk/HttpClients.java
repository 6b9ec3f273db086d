package ai.orq.sdk;

import ai.orq.sdk.internal.AttemptRequests;
import ai.orq.sdk.internal.CallSettings;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.FramingBound;
import ai.orq.sdk.internal.RetryTimer;
import ai.orq.sdk.internal.WireRequests;
import jakarta.annotation.Nullable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.SocketFactory;
import okhttp3.Authenticator;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.logging.HttpLoggingInterceptor;

/** Assembles the OkHttp clients of an {@link OrqClient}, for calls and for streams. */
final class HttpClients {
  /** Concurrent requests per host of a client's own dispatcher. */
  static final int MAX_REQUESTS_PER_HOST = 64;

  /** Concurrent async streams per host; more wait in the streams' dispatcher queue. */
  static final int MAX_STREAMS_PER_HOST = 256;

  /** Concurrent async streams in all. */
  static final int MAX_STREAMS = 1024;

  static final String AUTHORIZATION = "Authorization";

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
        new CallSettings(
            null,
            settings.deadline,
            settings.maxRetries,
            settings.retryNonIdempotent,
            Headers.of()),
        settings.maxResponseBytes,
        requestHeaders(settings),
        timer,
        Collections.unmodifiableList(new ArrayList<>(settings.listeners)));
  }

  /**
   * The client of calls: the user's interceptors first, then the User-Agent (without them, each
   * attempt's request carries it, one copy fewer), then logging. The key is added by the last
   * network interceptor but one (the last is {@code WireRequests}'), and taken out again of the
   * request of the response by the one before it ({@code FramingBound}'s), so no interceptor,
   * {@code EventListener} or authenticator of the user ever sees it. OkHttp's own silent retries,
   * its redirects and its 401 follow-ups are off: every request on the wire is one the SDK chose,
   * and a 3xx reaches the caller as an error.
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
    FramingBound framing = new FramingBound(settings.maxResponseBytes);
    http.addNetworkInterceptor(framing.interceptor());
    http.addNetworkInterceptor(apiKey("Bearer " + settings.apiKey));
    if (settings.okHttpClient == null
        || settings.okHttpClient.socketFactory() == SocketFactory.getDefault()) {
      http.socketFactory(framing.socketFactory());
    }
    if (settings.okHttpClient != null) {
      http.eventListenerFactory(
          KeyHidingEventListener.factory(settings.okHttpClient.eventListenerFactory()));
    }
    return WireRequests.install(http)
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .authenticator(Authenticator.NONE)
        .connectTimeout(settings.connectTimeout)
        .callTimeout(settings.timeout)
        .readTimeout(settings.timeout)
        .writeTimeout(settings.timeout)
        .build();
  }

  /**
   * The client of streams: no call timeout (the read timeout is the idle timeout), a dispatcher of
   * its own on the same threads (an async stream holds a slot as long as it lasts), and the SDK's
   * BODY logging lowered to HEADERS (OkHttp 4.12's would hold every event back until the end).
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

  /**
   * Puts {@code Authorization: <bearer>} on each request OkHttp writes, unless the call's options
   * set one. The response it returns still carries that request: {@code FramingBound}'s
   * interceptor, just before it, gives the response the request without the key, in the copy it
   * makes anyway.
   */
  private static Interceptor apiKey(String bearer) {
    return chain -> {
      Request request = chain.request();
      return chain.proceed(
          request.header(AUTHORIZATION) != null
              ? request
              : request.newBuilder().header(AUTHORIZATION, bearer).build());
    };
  }

  /** A logging interceptor at {@code level} that redacts {@code Authorization}. */
  private static HttpLoggingInterceptor logging(HttpLoggingInterceptor.Level level) {
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor().setLevel(level);
    logging.redactHeader(AUTHORIZATION);
    return logging;
  }

  /**
   * {@code orq-java/<version> (Java <java.version>)}, then the application id when there is one.
   */
  static String userAgent(@Nullable String applicationId) {
    String sdk =
        "orq-java/" + SdkVersion.VALUE + " (Java " + System.getProperty("java.version") + ")";
    return applicationId == null ? sdk : sdk + " " + applicationId;
  }

  /**
   * The headers that each attempt carries itself: the User-Agent when no interceptor of the user's
   * would see it (see {@link #forCalls}), otherwise none.
   */
  static Headers requestHeaders(OrqClient.Builder settings) {
    boolean userInterceptors =
        !settings.interceptors.isEmpty()
            || (settings.okHttpClient != null && !settings.okHttpClient.interceptors().isEmpty());
    return userInterceptors ? Headers.of() : defaultHeaders(settings);
  }

  /** The User-Agent. */
  private static Headers defaultHeaders(OrqClient.Builder settings) {
    return Headers.of("User-Agent", userAgent(settings.applicationId));
  }
}
