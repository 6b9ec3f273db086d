package ai.orq.sdk;

import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.SdkLogging;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;

/** Assembles the OkHttp client of an {@link OrqClient}. */
final class HttpClients {
  /** Concurrent requests per host of a client's own dispatcher, so that many streams can be open. */
  static final int MAX_REQUESTS_PER_HOST = 64;

  private static final String VERSION = sdkVersion();

  private HttpClients() {}

  /**
   * The client's OkHttp client: the given one extended (sharing its pool and dispatcher) or a new
   * one: its interceptors and the extra ones first, then auth and User-Agent (so that no
   * interceptor of the user's sees the key), then logging, which redacts it. OkHttp's own
   * silent retries (of a failed connection, of a 408, of a 503 with {@code Retry-After: 0}) are
   * off: the SDK's retries replace them, so that {@code maxRetries} and the retry-count header are
   * exact (see {@code ClientContext}).
   *
   * <p>Without interceptors of the user's, auth and User-Agent are instead {@link
   * #requestHeaders}, which the copy of the request made for each attempt carries: the same
   * request on the wire, one copy of it fewer per attempt.
   */
  static OkHttpClient create(OrqClient.Builder settings) {
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
      http.addInterceptor(defaultHeaders(defaultHeaders(settings)));
    }
    if (settings.logLevel != LogLevel.NONE) {
      http.addInterceptor(
          SdkLogging.create(HttpLoggingInterceptor.Level.valueOf(settings.logLevel.name())));
    }
    return http
        .retryOnConnectionFailure(false)
        .connectTimeout(settings.connectTimeout)
        .callTimeout(settings.timeout)
        .readTimeout(settings.timeout)
        .writeTimeout(settings.timeout)
        .build();
  }

  /** {@code orq-java/<version> (Java <java.version>)}, then the application id when there is one. */
  static String userAgent(@Nullable String applicationId) {
    String sdk = "orq-java/" + VERSION + " (Java " + System.getProperty("java.version") + ")";
    return applicationId == null ? sdk : sdk + " " + applicationId;
  }

  /**
   * The headers that {@code ClientContext} puts on each attempt itself: auth and User-Agent when
   * no interceptor of the user's would see them (see {@link #create}), otherwise none.
   */
  static Headers requestHeaders(OrqClient.Builder settings) {
    boolean userInterceptors = !settings.interceptors.isEmpty()
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

  /** Adds {@code defaults}, each unless the request (through RequestOptions) has its own. */
  private static Interceptor defaultHeaders(Headers defaults) {
    return chain -> chain.proceed(ClientContext.withDefaults(chain.request(), defaults));
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
