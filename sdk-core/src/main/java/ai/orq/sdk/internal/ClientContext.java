package ai.orq.sdk.internal;

import ai.orq.sdk.generated.internal.OperationRequest;
import ai.orq.sdk.observe.OperationStart;
import ai.orq.sdk.observe.OrqListener;
import jakarta.annotation.Nullable;
import java.time.Duration;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Not API. What the code that runs a client's requests, here and in {@code orq-sdk-streaming},
 * shares: the OkHttp clients of calls and of streams, the base URL, the default call settings, the
 * retry timer, the running operations and the listeners. Thread-safe; the {@code OrqClient} owns
 * it.
 */
public final class ClientContext {
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final OkHttpClient httpClient;
  private final OkHttpClient streamingClient;
  private final HttpUrl baseUrl;
  private final CallSettings defaults;
  private final long maxResponseBytes;
  private final Headers requestHeaders;
  private final RetryTimer timer;
  private final Operations operations = new Operations();
  private final List<OrqListener> listeners;

  /**
   * @param streamingClient as {@code httpClient}, without a call timeout
   * @param baseUrl ends with '/'
   * @param requestHeaders put on each attempt unless the request or its settings have that header
   * @param listeners told about each operation; not copied
   */
  public ClientContext(
      OkHttpClient httpClient,
      OkHttpClient streamingClient,
      HttpUrl baseUrl,
      CallSettings defaults,
      long maxResponseBytes,
      Headers requestHeaders,
      RetryTimer timer,
      List<OrqListener> listeners) {
    this.httpClient = WireRequests.install(httpClient);
    this.streamingClient = WireRequests.install(streamingClient);
    this.baseUrl = baseUrl;
    this.defaults = defaults;
    this.maxResponseBytes = maxResponseBytes;
    this.requestHeaders = requestHeaders;
    this.timer = timer;
    this.listeners = listeners;
  }

  /**
   * The observation of an operation starting to send {@code request} (built by the generated
   * interface, whose method names the operation); {@link Observation#NONE} without listeners.
   */
  Observation observe(
      Request request, boolean stream, @Nullable String conversationId, @Nullable String model) {
    if (listeners.isEmpty()) {
      return Observation.NONE;
    }
    String operationId = OperationRequest.operationId(request);
    String name = operationId != null ? operationId : request.method();
    return Observation.start(
        listeners,
        new OperationStart(name, request.method(), request.url(), stream, conversationId, model));
  }

  public OkHttpClient httpClient() {
    return httpClient;
  }

  /** The client of calls, with the per-attempt timeout of {@code settings} when it has one. */
  public OkHttpClient httpClient(CallSettings settings) {
    Duration timeout = settings.timeout;
    if (timeout == null) {
      return httpClient;
    }
    return httpClient
        .newBuilder()
        .callTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .build();
  }

  /** The client of streams, with the timeout of {@code settings} as its (idle) read timeout. */
  public OkHttpClient streamingClient(CallSettings settings) {
    Duration timeout = settings.timeout;
    if (timeout == null) {
      return streamingClient;
    }
    return streamingClient.newBuilder().readTimeout(timeout).writeTimeout(timeout).build();
  }

  public HttpUrl baseUrl() {
    return baseUrl;
  }

  public CallSettings defaults() {
    return defaults;
  }

  /** The largest response body, and the largest stream event, that the client reads. */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  public RetryTimer timer() {
    return timer;
  }

  /** The operations running, which the client's close ends. */
  public Operations operations() {
    return operations;
  }

  Headers requestHeaders() {
    return requestHeaders;
  }

  @Override
  public String toString() {
    return "ClientContext{baseUrl=" + baseUrl + ", maxRetries=" + defaults.maxRetries + "}";
  }
}
