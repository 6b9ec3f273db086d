package ai.orq.sdk;

import ai.orq.sdk.internal.Checks;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.RetryTimer;
import ai.orq.sdk.observe.OrqListener;
import jakarta.annotation.Nullable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The entry point of the SDK. Immutable and thread-safe: build one and share it.
 *
 * <pre>{@code
 * try (OrqClient client = OrqClient.fromEnv()) {   // ORQ_API_KEY, and ORQ_BASE_URL if set
 *   Conversation created = client.conversations()
 *       .create(new CreateConversationRequest().projectId("my-project"))
 *       .execute();
 * }
 * }</pre>
 *
 * <p>{@link #close()} releases the client's threads and connections. A client that built its own
 * OkHttp client owns it and shuts its dispatcher and connection pool down; a client given one with
 * {@link Builder#okHttpClient} shares that client's pool and dispatcher and leaves them alone.
 *
 * <p>A client's own dispatcher runs up to 64 requests at once, all of them to the same host if need
 * be (OkHttp's default is 5 per host), so that many asynchronous calls and streams can be in flight
 * together; more wait in its queue. With {@link Builder#okHttpClient}, that client's dispatcher
 * limits apply.
 */
public final class OrqClient implements AutoCloseable {
  /** The longest timeout OkHttp takes. */
  private static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

  private final Builder settings;
  private final ClientContext context;
  private final Conversations conversations;

  private OrqClient(Builder builder) {
    this.settings = new Builder(builder);
    this.context = HttpClients.newContext(builder, new RetryTimer(builder.scheduler));
    this.conversations = new Conversations(context, Conversations::findStreaming);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the environment: {@code ORQ_API_KEY} and, if set, {@code
   * ORQ_BASE_URL}.
   *
   * @throws IllegalStateException if {@code ORQ_API_KEY} is not set
   */
  public static OrqClient fromEnv() {
    return builder().fromEnv().build();
  }

  /** The conversation operations. */
  public Conversations conversations() {
    return conversations;
  }

  /**
   * A builder with this client's settings. The client it builds has its own threads and
   * connections, unless both were given the same {@link Builder#okHttpClient}.
   */
  public Builder newBuilder() {
    return new Builder(settings);
  }

  /**
   * Ends everything the client started, and releases its threads and connections: each call in
   * flight or waiting to retry, and each stream, blocking or async, being read or not, fails with
   * {@link ai.orq.sdk.errors.OrqCanceledException} ("The client is closed"), once; so do calls and
   * streams started afterwards. No thread of the client or of the OkHttp client it built keeps the
   * JVM alive afterwards (a handler still running its callback finishes it). Idempotent, and safe
   * from any thread, a callback of the client's included.
   */
  @Override
  public void close() {
    if (context.timer().isClosed()) {
      return;
    }
    context.timer().close(); // a call waiting to retry wakes and fails: the client is closed
    context.operations().close(); // every call and stream in flight is canceled
    if (settings.okHttpClient == null) {
      OkHttpClient http = context.httpClient();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "OrqClient{baseUrl=" + context.baseUrl() + ", maxRetries=" + settings.maxRetries + "}";
  }

  ClientContext context() {
    return context;
  }

  /** {@code timeout} if OkHttp takes it, rather than failing mid-call or ignoring it. */
  static Duration checkTimeout(Duration timeout, String name) {
    Objects.requireNonNull(timeout, name + " == null");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + timeout);
    }
    if (!timeout.isZero() && timeout.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException(
          name + " must be zero (none) or at least 1 ms, was " + timeout);
    }
    if (timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          String.format(
              "%s must be at most %s ms (about 24.8 days), was %s",
              name, MAX_TIMEOUT.toMillis(), timeout));
    }
    return timeout;
  }

  /** {@code url} with anything between {@code //} and {@code @} masked, for messages. */
  private static String withoutUserInfo(String url) {
    return url.replaceAll("//[^/?#]*@", "//***@");
  }

  /** Whether {@code host}, as {@link HttpUrl} canonicalizes it, is loopback. No DNS lookup. */
  static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.endsWith(".localhost")
        || host.equals("::1")
        || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  static int checkMaxRetries(int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
    return maxRetries;
  }

  /** Builds an {@link OrqClient}. Only the API key is required. Not thread-safe. */
  public static final class Builder {
    @Nullable String apiKey;
    HttpUrl baseUrl = HttpUrl.get("https://my.orq.ai/");
    Duration connectTimeout = Duration.ofSeconds(60);
    Duration timeout = Duration.ofMinutes(10);
    Duration deadline = Duration.ZERO;
    int maxRetries = 2;
    boolean retryNonIdempotent;
    boolean allowCleartextHttp;
    long maxResponseBytes = ClientContext.DEFAULT_MAX_RESPONSE_BYTES;
    @Nullable OkHttpClient okHttpClient;
    final List<Interceptor> interceptors = new ArrayList<>();
    final List<OrqListener> listeners = new ArrayList<>();
    LogLevel logLevel = LogLevel.NONE;
    @Nullable String applicationId;
    @Nullable ScheduledExecutorService scheduler;

    private Builder() {}

    private Builder(Builder other) {
      apiKey = other.apiKey;
      baseUrl = other.baseUrl;
      connectTimeout = other.connectTimeout;
      timeout = other.timeout;
      deadline = other.deadline;
      maxRetries = other.maxRetries;
      retryNonIdempotent = other.retryNonIdempotent;
      allowCleartextHttp = other.allowCleartextHttp;
      maxResponseBytes = other.maxResponseBytes;
      okHttpClient = other.okHttpClient;
      interceptors.addAll(other.interceptors);
      listeners.addAll(other.listeners);
      logLevel = other.logLevel;
      applicationId = other.applicationId;
    }

    /**
     * Fills in the API key from {@code ORQ_API_KEY} and the base URL from {@code ORQ_BASE_URL},
     * where set.
     */
    public Builder fromEnv() {
      return fromEnv(System::getenv);
    }

    Builder fromEnv(Function<String, String> env) {
      String key = env.apply("ORQ_API_KEY");
      if (key != null && !key.trim().isEmpty()) {
        apiKey(key);
      }
      String url = env.apply("ORQ_BASE_URL");
      if (url != null && !url.trim().isEmpty()) {
        baseUrl(url);
      }
      return this;
    }

    /** The API key, sent as {@code Authorization: Bearer <key>}. Required. */
    public Builder apiKey(String apiKey) {
      Checks.requireNonBlank(apiKey, "apiKey");
      if (!Checks.isPrintableAscii(apiKey) || !apiKey.trim().equals(apiKey)) {
        // the key itself is never part of a message
        throw new IllegalArgumentException(
            "apiKey must be printable ASCII without surrounding spaces (check for a trailing"
                + " newline)");
      }
      this.apiKey = apiKey;
      return this;
    }

    /**
     * The server, {@code https}, or {@code http} on a loopback host ({@code localhost}, {@code
     * 127.0.0.1}, {@code ::1}) unless {@link #allowCleartextHttp} says otherwise. A path prefix is
     * kept: with {@code https://gw.example.com/orq} the operations go to {@code
     * https://gw.example.com/orq/v2/...}. Defaults to {@code https://my.orq.ai}.
     *
     * @throws IllegalArgumentException if not such a URL, if it has a query or fragment, or if it
     *     carries credentials ({@code user:password@}), which are never echoed in the message
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      HttpUrl url = HttpUrl.parse(baseUrl);
      if (url == null || url.query() != null || url.fragment() != null) {
        throw new IllegalArgumentException(
            "baseUrl must be an http or https URL without query or fragment, was "
                + withoutUserInfo(baseUrl));
      }
      if (!url.username().isEmpty() || !url.password().isEmpty()) {
        throw new IllegalArgumentException(
            String.format(
                "baseUrl must not carry credentials (user:password@), was %s;"
                    + " the API key goes to apiKey(...)",
                withoutUserInfo(baseUrl)));
      }
      this.baseUrl =
          url.encodedPath().endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
      return this;
    }

    /**
     * Whether an {@code http} base URL may point at a host that is not loopback, which sends the
     * API key and every message in clear text. Defaults to false: such a client is refused by
     * {@link #build()}.
     */
    public Builder allowCleartextHttp(boolean allowCleartextHttp) {
      this.allowCleartextHttp = allowCleartextHttp;
      return this;
    }

    /**
     * The timeout to establish a connection. Defaults to 60 s; {@link Duration#ZERO} means none.
     *
     * @throws IllegalArgumentException if negative, under 1 ms, or over about 24.8 days
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = checkTimeout(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * The timeout of each attempt of a call, from sending the request to reading the whole response
     * (also the read and write timeout). For a stream, the idle timeout: the longest wait for its
     * response head (and for the whole body of an error status), for any read, and for one event to
     * arrive whole. Defaults to 10 minutes; {@link Duration#ZERO} means none.
     *
     * @throws IllegalArgumentException if negative, under 1 ms, or over about 24.8 days
     */
    public Builder timeout(Duration timeout) {
      this.timeout = checkTimeout(timeout, "timeout");
      return this;
    }

    /**
     * The deadline of each whole call and stream: from the first attempt, across retries and their
     * waits, to the result (a stream: to its {@code [DONE]}). Once it passes, the call or stream
     * fails with {@link ai.orq.sdk.errors.OrqTimeoutException} and its connection is closed.
     * Defaults to none ({@link Duration#ZERO}); {@link RequestOptions.Builder#deadline} overrides
     * it per call.
     *
     * @throws IllegalArgumentException if negative, under 1 ms, or over about 24.8 days
     */
    public Builder deadline(Duration deadline) {
      this.deadline = checkTimeout(deadline, "deadline");
      return this;
    }

    /**
     * How often a failed attempt is retried: after a connection failure or timeout, and on HTTP
     * 408, 409, 429 and 5xx. Defaults to 2; 0 turns retries off. This is the one statement of the
     * retry rule for users; the README and the examples point here.
     *
     * <p>The wait before the next attempt is the server's {@code retry-after-ms} or {@code
     * Retry-After} when present (a negative or unreadable value counts as absent), otherwise an
     * exponential backoff from 0.5 s doubling to 8 s, with jitter. A server asking to wait more
     * than 60 s is not retried: the call fails at once.
     *
     * <p>A POST ({@code create}, {@code generateName}, a stream) is not idempotent: it is retried
     * only when it provably did not reach the server (connection refused, DNS failure, connect
     * timeout, TLS handshake failure) or when the server says it did not process it (429, or 503
     * with {@code Retry-After}), so that a conversation or a message is never created twice. See
     * {@link #retryNonIdempotent}.
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = checkMaxRetries(maxRetries);
      return this;
    }

    /**
     * Whether a POST is retried by the same rules as the other methods, also when the server may
     * already have processed it (a timeout waiting for the answer, a connection reset, a 500).
     * Defaults to false; {@link RequestOptions.Builder#retryNonIdempotent} overrides it per call.
     */
    public Builder retryNonIdempotent(boolean retryNonIdempotent) {
      this.retryNonIdempotent = retryNonIdempotent;
      return this;
    }

    /**
     * The largest response body (counted after decompression, so a gzip bomb stops there too) and
     * the largest single event of a stream that the client reads; more fails with {@link
     * ai.orq.sdk.errors.ResponseTooLargeException} instead of filling memory. Defaults to 16 MiB.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes <= 0) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be positive, was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * An OkHttp client to start from: its proxy, TLS, connection pool and dispatcher are used, and
     * stay yours to shut down ({@link OrqClient#close()} leaves them alone). The SDK adds its
     * interceptors, sets the timeouts of this builder and turns off OkHttp's own silent retries
     * (the SDK's retries replace them), redirects and authenticator on a derived client.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /**
     * Adds an OkHttp application interceptor. The API key never reaches it, nor any interceptor,
     * network interceptor or {@code EventListener} of a given {@link #okHttpClient}: the SDK adds
     * the {@code Authorization} header in its own network interceptor, after theirs, and takes it
     * out of the request of every response they see.
     */
    public Builder addInterceptor(Interceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor == null"));
      return this;
    }

    /**
     * Adds a listener, told about every operation of the client (for tracing, metrics or logs); see
     * {@link OrqListener}. Listeners are told in the order added.
     */
    public Builder addListener(OrqListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener == null"));
      return this;
    }

    /** What to log of each exchange. Defaults to {@link LogLevel#NONE}. */
    public Builder logLevel(LogLevel logLevel) {
      this.logLevel = Objects.requireNonNull(logLevel, "logLevel == null");
      return this;
    }

    /** Appended to the {@code User-Agent}, for instance {@code my-app/1.2}. Printable ASCII. */
    public Builder applicationId(String applicationId) {
      Checks.requireNonBlank(applicationId, "applicationId");
      if (!Checks.isPrintableAscii(applicationId)) {
        throw new IllegalArgumentException(
            "applicationId must be printable ASCII, was '" + applicationId + "'");
      }
      this.applicationId = applicationId;
      return this;
    }

    /** For tests: the scheduler of retry delays; the client shuts it down on close. */
    Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if no API key was given, if the base URL is {@code http} to a
     *     host that is not loopback without {@link #allowCleartextHttp}, or if the {@link
     *     #okHttpClient} has a call timeout (which the SDK would replace with its own timeouts)
     */
    public OrqClient build() {
      if (apiKey == null) {
        throw new IllegalStateException(
            "No API key: call apiKey(...) or set the ORQ_API_KEY environment variable and use"
                + " fromEnv()");
      }
      if (!baseUrl.isHttps() && !allowCleartextHttp && !isLoopback(baseUrl.host())) {
        throw new IllegalStateException(
            String.format(
                "baseUrl %s would send the API key in clear text to a host that is not"
                    + " loopback: use https, or call allowCleartextHttp(true)",
                baseUrl));
      }
      if (okHttpClient != null && okHttpClient.callTimeoutMillis() != 0) {
        throw new IllegalStateException(
            String.format(
                "okHttpClient has a callTimeout of %s ms, which the SDK does not use: set"
                    + " timeout(...) for each attempt or deadline(...) for each whole call or"
                    + " stream, and build the OkHttpClient without callTimeout",
                okHttpClient.callTimeoutMillis()));
      }
      return new OrqClient(this);
    }
  }
}
