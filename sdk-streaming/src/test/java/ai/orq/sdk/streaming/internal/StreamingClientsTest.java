package ai.orq.sdk.streaming.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.RetryPolicy;
import ai.orq.sdk.internal.SdkLogging;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.junit.jupiter.api.Test;

/** The streams' OkHttp client: no call timeout, the read timeout as idle timeout, own dispatcher. */
final class StreamingClientsTest {
  private final Interceptor custom = chain -> chain.proceed(chain.request());
  private final HttpLoggingInterceptor usersBodyLogging =
      new HttpLoggingInterceptor().setLevel(HttpLoggingInterceptor.Level.BODY);
  private final OkHttpClient base = new OkHttpClient.Builder()
      .callTimeout(30, TimeUnit.SECONDS)
      .readTimeout(45, TimeUnit.SECONDS)
      .addInterceptor(custom)
      .addInterceptor(SdkLogging.create(HttpLoggingInterceptor.Level.BODY))
      .addInterceptor(usersBodyLogging)
      .addNetworkInterceptor(new HttpLoggingInterceptor().setLevel(HttpLoggingInterceptor.Level.BASIC))
      .build();
  private final ClientContext context =
      new ClientContext(base, HttpUrl.get("http://127.0.0.1/"), RetryPolicy.defaults(), 2, null);

  @Test
  void streamsHaveNoCallTimeoutAndTheReadTimeoutAsIdleTimeout() {
    OkHttpClient streaming = StreamingClients.of(context, RequestOptions.none());
    assertEquals(0, streaming.callTimeoutMillis());
    assertEquals(45_000, streaming.readTimeoutMillis());
    assertSame(base.connectionPool(), streaming.connectionPool());
    assertSame(streaming, StreamingClients.of(context, RequestOptions.none()), "derived once per client");
  }

  @Test
  void aPerRequestTimeoutIsTheIdleTimeoutOfThatStream() {
    RequestOptions options = RequestOptions.builder().timeout(Duration.ofSeconds(7)).build();
    OkHttpClient streaming = StreamingClients.of(context, options);
    assertEquals(0, streaming.callTimeoutMillis());
    assertEquals(7_000, streaming.readTimeoutMillis());
    assertNotSame(streaming, StreamingClients.of(context, options));
    assertSame(streaming.dispatcher(), StreamingClients.of(context, RequestOptions.none()).dispatcher(),
        "all streams of a client share one dispatcher");
  }

  @Test
  void streamsHaveADispatcherOfTheirOwnOnTheClientsThreads() {
    OkHttpClient streaming = StreamingClients.of(context, RequestOptions.none());
    assertNotSame(base.dispatcher(), streaming.dispatcher());
    assertSame(base.dispatcher().executorService(), streaming.dispatcher().executorService());
    assertEquals(StreamingClients.MAX_STREAMS_PER_HOST, streaming.dispatcher().getMaxRequestsPerHost());
    assertEquals(StreamingClients.MAX_STREAMS, streaming.dispatcher().getMaxRequests());
  }

  @Test
  void theSdksBodyLoggingBecomesHeaderLoggingAndOtherInterceptorsStay() {
    OkHttpClient streaming = StreamingClients.of(context, RequestOptions.none());
    assertEquals(4, streaming.interceptors().size(), "with the SDK's own last one");
    assertSame(custom, streaming.interceptors().get(0));
    HttpLoggingInterceptor logging = (HttpLoggingInterceptor) streaming.interceptors().get(1);
    assertEquals(HttpLoggingInterceptor.Level.HEADERS, logging.getLevel());
    assertSame(usersBodyLogging, streaming.interceptors().get(2), "a user's own logger is theirs to configure");
    HttpLoggingInterceptor network = (HttpLoggingInterceptor) streaming.networkInterceptors().get(0);
    assertEquals(HttpLoggingInterceptor.Level.BASIC, network.getLevel());
    assertTrue(base.interceptors().get(1) instanceof HttpLoggingInterceptor);
    assertEquals(HttpLoggingInterceptor.Level.BODY, ((HttpLoggingInterceptor) base.interceptors().get(1)).getLevel(),
        "the client's own interceptors are untouched");
  }
}
