package ai.orq.sdk.internal;

import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.errors.OrqIoException;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Not API. What a client shares with the code that runs its requests, here and in
 * {@code orq-sdk-streaming}: the configured OkHttp client, the base URL, Gson, retries and the
 * scheduler of retry delays. Immutable and thread-safe; owned by the {@code OrqClient}, which
 * closes what needs closing.
 */
public final class ClientContext {
  private static final String CONVERSATIONS_PATH = "v2/conversations";
  private static final Headers NO_HEADERS = Headers.of();
  /** The default of {@link #maxResponseBytes()}: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final OkHttpClient httpClient;
  private final HttpUrl baseUrl;
  private final Gson gson;
  private final RetryPolicy retryPolicy;
  private final int maxRetries;
  private final boolean retryNonIdempotent;
  private final long maxResponseBytes;
  private final Headers requestHeaders;
  private final ScheduledExecutorService scheduler;

  /**
   * @param httpClient sends {@code Authorization} and {@code User-Agent}, logs as configured and
   *     has the client's timeouts; {@link WireRequests}' interceptors are added to it
   * @param baseUrl ends with '/'
   */
  public ClientContext(OkHttpClient httpClient, HttpUrl baseUrl, RetryPolicy retryPolicy,
      int maxRetries, ScheduledExecutorService scheduler) {
    this(httpClient, baseUrl, retryPolicy, maxRetries, false, DEFAULT_MAX_RESPONSE_BYTES,
        NO_HEADERS, scheduler);
  }

  /**
   * @param retryNonIdempotent whether a POST is retried by the rules of the other methods, as if
   *     repeating it were harmless
   * @param maxResponseBytes the largest response body, and the largest stream event, read
   * @param requestHeaders put on each attempt, each unless the request or its options have that
   *     header already (auth and User-Agent, when no interceptor of the user's must not see them)
   */
  public ClientContext(OkHttpClient httpClient, HttpUrl baseUrl, RetryPolicy retryPolicy,
      int maxRetries, boolean retryNonIdempotent, long maxResponseBytes, Headers requestHeaders,
      ScheduledExecutorService scheduler) {
    this.httpClient = WireRequests.install(httpClient);
    this.baseUrl = baseUrl;
    this.gson = newGson();
    this.retryPolicy = retryPolicy;
    this.maxRetries = maxRetries;
    this.retryNonIdempotent = retryNonIdempotent;
    this.maxResponseBytes = maxResponseBytes;
    this.requestHeaders = requestHeaders;
    this.scheduler = scheduler;
  }

  /**
   * Gson for the generated models, which bring their own adapters (unions, open enums, unknown
   * properties); whole numbers in free-form values are read as longs.
   */
  static Gson newGson() {
    return new GsonBuilder()
        .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
        .disableHtmlEscaping()
        .create();
  }

  /**
   * The client's OkHttp client: auth, {@code User-Agent}, logging, connect timeout, and the
   * per-attempt timeout as call, read and write timeouts.
   */
  public OkHttpClient httpClient() {
    return httpClient;
  }

  /** As {@link #httpClient()}, with the per-attempt timeout of {@code options} when it sets one. */
  public OkHttpClient httpClient(RequestOptions options) {
    Duration timeout = options.timeout();
    if (timeout == null) {
      return httpClient;
    }
    return httpClient.newBuilder()
        .callTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .build();
  }

  /** The base URL; always ends with '/', and keeps any path prefix. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  public Gson gson() {
    return gson;
  }

  /**
   * The largest response body (after decompression) and the largest single stream event the
   * client reads; more is a {@code ResponseTooLargeException}.
   */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Runs retry delays so that no thread waits; at most one daemon thread, none while idle. */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** The retries allowed for a call with these options. */
  public int maxRetries(RequestOptions options) {
    Integer perRequest = options.maxRetries();
    return perRequest != null ? perRequest : maxRetries;
  }

  /**
   * The delay before retrying after attempt {@code attempt} (0 for the first) failed with this
   * error response, or -1 to fail now: no retries left, a status not retried, a POST the server
   * may have processed, or a server asking to wait too long. Does not close the response.
   */
  public long retryDelay(int attempt, RequestOptions options, Response response) {
    boolean retry = attempt < maxRetries(options) && retryPolicy.isRetryable(response.code())
        && (repeatable(response.request(), options) || retryPolicy.saysNotProcessed(response));
    return retry ? retryPolicy.delayMillis(attempt + 1, response) : -1;
  }

  /**
   * As {@link #retryDelay(int, RequestOptions, Response)}, after {@code request} failed with an
   * I/O error; a POST only when it provably did not reach the server.
   */
  public long retryDelay(int attempt, RequestOptions options, Request request, IOException e) {
    boolean retry = attempt < maxRetries(options) && retryPolicy.isRetryable(e)
        && (repeatable(request, options) || !WireRequests.Attempt.maybeSent(request));
    return retry ? retryPolicy.delayMillis(attempt + 1, null) : -1;
  }

  /** Whether sending {@code request} twice is harmless: not a POST, or the user says so. */
  private boolean repeatable(Request request, RequestOptions options) {
    Boolean perRequest = options.retryNonIdempotent();
    return !"POST".equals(request.method())
        || (perRequest != null ? perRequest : retryNonIdempotent);
  }

  /**
   * Runs {@code retry} on the client's scheduler after {@code delayMillis}, holding no thread
   * meanwhile; when the client closes first, it runs at once (on the closing thread).
   *
   * @throws OrqIoException when the client is closed, or closes while the retry is scheduled so
   *     that the close may not have seen it; {@code retry} then never runs
   */
  public ScheduledFuture<?> scheduleRetry(Runnable retry, long delayMillis) {
    AtomicBoolean claimed = new AtomicBoolean();
    Runnable once = () -> {
      if (claimed.compareAndSet(false, true)) {
        retry.run();
      }
    };
    ScheduledFuture<?> timer;
    try {
      timer = scheduler.schedule(once, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      throw closed(e);
    }
    // A close between the executor's shutdown check and its queue insert drains the queue
    // without this timer, which the executor then cancels: nobody would ever wake the caller.
    if (scheduler.isShutdown() && claimed.compareAndSet(false, true)) {
      timer.cancel(false);
      throw closed(null);
    }
    return timer;
  }

  private static OrqIoException closed(@Nullable Throwable cause) {
    return new OrqIoException("The client is closed", cause);
  }

  /**
   * Adds the extra headers of {@code options}, the {@link RetryPolicy#RETRY_COUNT_HEADER}, the
   * client's request headers that neither has, and, to a request that must not be repeated once
   * sent, the tag that tells whether the attempt reached the wire (only such a request asks). One
   * copy of {@code request}.
   */
  public Request applyOptions(Request request, RequestOptions options, int attempt) {
    Request.Builder builder = request.newBuilder();
    Headers extra = options.headers();
    if (extra.size() > 0) {
      for (String name : extra.names()) {
        builder.removeHeader(name);
        for (String value : extra.values(name)) {
          builder.addHeader(name, value);
        }
      }
    }
    builder.header(RetryPolicy.RETRY_COUNT_HEADER, Integer.toString(attempt));
    addMissing(builder, requestHeaders, request.headers(), extra);
    if (!repeatable(request, options)) {
      builder.tag(WireRequests.Attempt.class, new WireRequests.Attempt());
    }
    return builder.build();
  }

  /** {@code request} with each of {@code defaults} that it does not have yet. */
  public static Request withDefaults(Request request, Headers defaults) {
    Request.Builder builder = request.newBuilder();
    addMissing(builder, defaults, request.headers(), NO_HEADERS);
    return builder.build();
  }

  private static void addMissing(Request.Builder builder, Headers defaults, Headers present,
      Headers alsoPresent) {
    for (int i = 0; i < defaults.size(); i++) {
      String name = defaults.name(i);
      if (present.get(name) == null && alsoPresent.get(name) == null) {
        builder.header(name, defaults.value(i));
      }
    }
  }

  /**
   * A new OkHttp call for one attempt of {@code request}, with {@code options} applied.
   *
   * @throws OrqIoException once the client is closed
   */
  public Call newCall(Request request, RequestOptions options, int attempt) {
    requireOpen();
    return httpClient(options).newCall(applyOptions(request, options, attempt));
  }

  /** @throws OrqIoException once the client is closed (its scheduler is shut down) */
  public void requireOpen() {
    if (scheduler.isShutdown()) {
      throw closed(null);
    }
  }

  /**
   * The URL of a conversation, or of a resource below it, such as
   * {@code conversationUrl(id, "responses")}. Each argument is one percent-encoded path segment.
   *
   * @throws IllegalArgumentException if {@code conversationId} is blank, {@code .} or {@code ..}
   */
  public HttpUrl conversationUrl(String conversationId, String... moreSegments) {
    HttpUrl.Builder url = baseUrl.newBuilder()
        .addPathSegments(CONVERSATIONS_PATH)
        .addPathSegment(Checks.requireConversationId(conversationId));
    for (String segment : moreSegments) {
      url.addPathSegment(segment);
    }
    return url.build();
  }

  @Override
  public String toString() {
    return "ClientContext{baseUrl=" + baseUrl + ", maxRetries=" + maxRetries
        + ", retryNonIdempotent=" + retryNonIdempotent + "}";
  }
}
