package ai.orq.sdk.spring;

import ai.orq.sdk.LogLevel;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code orq.*} properties of the auto-configured {@link ai.orq.sdk.OrqClient}. A property left
 * unset leaves the client builder's default, which each description names; a bad value fails the
 * application's start with a message naming the property (never an API key's value).
 */
@ConfigurationProperties("orq")
public final class OrqProperties {
  /**
   * The API key, sent as "Authorization: Bearer <key>". Required: when unset, the environment
   * variable ORQ_API_KEY is used, as OrqClient.fromEnv() does.
   */
  private @Nullable String apiKey;

  /**
   * The server: https, or http on a loopback host unless allow-cleartext-http is set. A path prefix
   * is kept. Defaults to the environment variable ORQ_BASE_URL when set, else https://my.orq.ai.
   */
  private @Nullable String baseUrl;

  /**
   * Whether an http base URL may point at a host that is not loopback, which sends the API key and
   * every message in clear text. Defaults to false.
   */
  private @Nullable Boolean allowCleartextHttp;

  /** The timeout to establish a connection. Defaults to 60s; 0 means none. */
  private @Nullable Duration connectTimeout;

  /**
   * The timeout of each attempt of a call (from sending the request to reading the whole response),
   * and for a stream the idle timeout (the longest wait for its head, for any read, for one event).
   * Defaults to 10m; 0 means none.
   */
  private @Nullable Duration timeout;

  /**
   * The deadline of each whole call and stream, across retries and their waits. Defaults to 0
   * (none).
   */
  private @Nullable Duration deadline;

  /**
   * How often a failed attempt is retried (connection failure or timeout, HTTP 408, 409, 429, 5xx).
   * Defaults to 2; 0 turns retries off.
   */
  private @Nullable Integer maxRetries;

  /**
   * Whether a POST (create, generate name, a stream) is retried by the same rules as the other
   * methods, also when the server may already have processed it. Defaults to false.
   */
  private @Nullable Boolean retryNonIdempotent;

  /**
   * The largest response body, and the largest single event of a stream, that the client reads
   * (counted after decompression). Defaults to 16MB.
   */
  private @Nullable DataSize maxResponseSize;

  /** What to log of each exchange: none, basic, headers or body. Defaults to none. */
  private @Nullable LogLevel logLevel;

  /** Appended to the User-Agent, for instance my-app/1.2. Printable ASCII. Defaults to none. */
  private @Nullable String applicationId;

  private final Health health = new Health();

  private final OpenTelemetry opentelemetry = new OpenTelemetry();

  public @Nullable String getApiKey() {
    return apiKey;
  }

  public void setApiKey(@Nullable String apiKey) {
    this.apiKey = apiKey;
  }

  public @Nullable String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(@Nullable String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public @Nullable Boolean getAllowCleartextHttp() {
    return allowCleartextHttp;
  }

  public void setAllowCleartextHttp(@Nullable Boolean allowCleartextHttp) {
    this.allowCleartextHttp = allowCleartextHttp;
  }

  public @Nullable Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(@Nullable Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public @Nullable Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(@Nullable Duration timeout) {
    this.timeout = timeout;
  }

  public @Nullable Duration getDeadline() {
    return deadline;
  }

  public void setDeadline(@Nullable Duration deadline) {
    this.deadline = deadline;
  }

  public @Nullable Integer getMaxRetries() {
    return maxRetries;
  }

  public void setMaxRetries(@Nullable Integer maxRetries) {
    this.maxRetries = maxRetries;
  }

  public @Nullable Boolean getRetryNonIdempotent() {
    return retryNonIdempotent;
  }

  public void setRetryNonIdempotent(@Nullable Boolean retryNonIdempotent) {
    this.retryNonIdempotent = retryNonIdempotent;
  }

  public @Nullable DataSize getMaxResponseSize() {
    return maxResponseSize;
  }

  public void setMaxResponseSize(@Nullable DataSize maxResponseSize) {
    this.maxResponseSize = maxResponseSize;
  }

  public @Nullable LogLevel getLogLevel() {
    return logLevel;
  }

  public void setLogLevel(@Nullable LogLevel logLevel) {
    this.logLevel = logLevel;
  }

  public @Nullable String getApplicationId() {
    return applicationId;
  }

  public void setApplicationId(@Nullable String applicationId) {
    this.applicationId = applicationId;
  }

  public Health getHealth() {
    return health;
  }

  public OpenTelemetry getOpentelemetry() {
    return opentelemetry;
  }

  /** {@code orq.health.*}: the Actuator health indicator {@code orq}. */
  public static final class Health {
    /**
     * How many operations in a row must fail on the API's side (any error but a cancel and an HTTP
     * 4xx other than 401 and 403) before the health is DOWN. Defaults to 3.
     */
    private int failureThreshold = 3;

    /**
     * Whether each health check also sends one request (list conversations, limit 1) to the API,
     * and is DOWN when it fails. Defaults to false: the check sends no request.
     */
    private boolean probe;

    /** The deadline of the probe request, which is not retried. Defaults to 5s. */
    private Duration probeTimeout = Duration.ofSeconds(5);

    public int getFailureThreshold() {
      return failureThreshold;
    }

    public void setFailureThreshold(int failureThreshold) {
      this.failureThreshold = failureThreshold;
    }

    public boolean isProbe() {
      return probe;
    }

    public void setProbe(boolean probe) {
      this.probe = probe;
    }

    public Duration getProbeTimeout() {
      return probeTimeout;
    }

    public void setProbeTimeout(Duration probeTimeout) {
      this.probeTimeout = probeTimeout;
    }
  }

  /** {@code orq.opentelemetry.*}: the OpenTelemetry listener. */
  public static final class OpenTelemetry {
    /**
     * Whether the client is traced with orq-sdk-opentelemetry when that module is on the classpath
     * and the application has an OpenTelemetry bean. Defaults to true.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
