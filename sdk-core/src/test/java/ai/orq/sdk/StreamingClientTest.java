package ai.orq.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.internal.CallSettings;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The OkHttp client of a client's streams: no call timeout, the read timeout as idle timeout, a
 * dispatcher of its own on the client's threads, and no body logging of the SDK's own.
 */
class StreamingClientTest {
  private final Interceptor custom = chain -> chain.proceed(chain.request());
  private final HttpLoggingInterceptor usersBodyLogging =
      new HttpLoggingInterceptor().setLevel(HttpLoggingInterceptor.Level.BODY);
  private final OkHttpClient users =
      new OkHttpClient.Builder()
          .addInterceptor(custom)
          .addInterceptor(usersBodyLogging)
          .addNetworkInterceptor(
              new HttpLoggingInterceptor().setLevel(HttpLoggingInterceptor.Level.BASIC))
          .build();

  @AutoClose
  private final OrqClient client =
      OrqClient.builder()
          .apiKey(TestServers.API_KEY)
          .okHttpClient(users)
          .timeout(Duration.ofSeconds(45))
          .logLevel(LogLevel.BODY)
          .build();

  private OkHttpClient streaming(RequestOptions options) {
    return client.context().streamingClient(options.applyTo(client.context().defaults()));
  }

  @Test
  void streamsHaveNoCallTimeoutAndTheReadTimeoutAsIdleTimeout() {
    OkHttpClient streaming = streaming(RequestOptions.none());
    assertEquals(0, streaming.callTimeoutMillis());
    assertEquals(45_000, streaming.readTimeoutMillis());
    assertSame(users.connectionPool(), streaming.connectionPool());
    assertSame(streaming, streaming(RequestOptions.none()), "made once per client");
    assertNotSame(streaming, streaming(client.newBuilder().build()), "each client has its own");
  }

  private static OkHttpClient streaming(OrqClient other) {
    try (OrqClient closing = other) {
      CallSettings defaults = closing.context().defaults();
      return closing.context().streamingClient(defaults);
    }
  }

  @Test
  void aPerRequestTimeoutIsTheIdleTimeoutOfThatStream() {
    RequestOptions options = RequestOptions.builder().timeout(Duration.ofSeconds(7)).build();
    OkHttpClient streaming = streaming(options);
    assertEquals(0, streaming.callTimeoutMillis());
    assertEquals(7_000, streaming.readTimeoutMillis());
    assertSame(
        streaming.dispatcher(),
        streaming(RequestOptions.none()).dispatcher(),
        "all streams of a client share one dispatcher");
  }

  @Test
  void streamsHaveADispatcherOfTheirOwnOnTheClientsThreads() {
    OkHttpClient streaming = streaming(RequestOptions.none());
    assertNotSame(users.dispatcher(), streaming.dispatcher());
    assertSame(users.dispatcher().executorService(), streaming.dispatcher().executorService());
    assertEquals(HttpClients.MAX_STREAMS_PER_HOST, streaming.dispatcher().getMaxRequestsPerHost());
    assertEquals(HttpClients.MAX_STREAMS, streaming.dispatcher().getMaxRequests());
  }

  @Test
  void theSdksBodyLoggingBecomesHeaderLoggingAndOtherInterceptorsStay() {
    OkHttpClient streaming = streaming(RequestOptions.none());
    OkHttpClient calls = client.context().httpClient();
    assertSame(custom, streaming.interceptors().get(0));
    assertSame(
        usersBodyLogging,
        streaming.interceptors().get(1),
        "a user's own logger is theirs to configure");
    HttpLoggingInterceptor ours = (HttpLoggingInterceptor) streaming.interceptors().get(3);
    assertEquals(HttpLoggingInterceptor.Level.HEADERS, ours.getLevel());
    HttpLoggingInterceptor network =
        (HttpLoggingInterceptor) streaming.networkInterceptors().get(0);
    assertEquals(HttpLoggingInterceptor.Level.BASIC, network.getLevel());
    assertTrue(calls.interceptors().get(3) instanceof HttpLoggingInterceptor);
    assertEquals(
        HttpLoggingInterceptor.Level.BODY,
        ((HttpLoggingInterceptor) calls.interceptors().get(3)).getLevel(),
        "calls still log bodies");
  }
}
