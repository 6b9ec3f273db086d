package ai.orq.sdk.streaming.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.model.UserRole;
import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.StreamHandler;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.RetryPolicy;
import ai.orq.sdk.internal.StreamingProvider;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.TextPart;
import ai.orq.sdk.model.UserMessage;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider over a hand-made client context: service registration and the retry waits. */
final class OkHttpStreamingProviderTest {
  private static final String ID = "conv_01JPROVIDER";
  private static final String PATH = "/v2/conversations/" + ID + "/responses";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private final OkHttpClient http = new OkHttpClient();
  private final StreamingProvider provider = new OkHttpStreamingProvider();
  private final RecordingScheduler scheduler = new RecordingScheduler();

  @AfterEach
  void tearDown() {
    scheduler.shutdownNow();
    http.dispatcher().executorService().shutdownNow();
  }

  /** Records the retry delays asked for and runs the retries at once. */
  static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
    final List<Long> delaysMillis = new CopyOnWriteArrayList<>();

    RecordingScheduler() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      delaysMillis.add(unit.toMillis(delay));
      return super.schedule(command, 0, unit);
    }
  }

  private ClientContext context(int maxRetries, ScheduledExecutorService retryScheduler) {
    return context(HttpUrl.get("http://127.0.0.1:" + server.getPort() + "/"), maxRetries, retryScheduler);
  }

  private ClientContext context(HttpUrl baseUrl, int maxRetries, ScheduledExecutorService retryScheduler) {
    return new ClientContext(http, baseUrl, RetryPolicy.defaults(), maxRetries, retryScheduler);
  }

  static CreateResponseRequest request() {
    return new CreateResponseRequest()
        .message(new UserMessage().role(UserRole.USER).addPartsItem(new TextPart().kind("text").text("Hi")))
        .model("openai/gpt-4o");
  }

  private void stubUnavailableThenStream(String retryAfterMillis) {
    stubUnavailableThenStream(503, retryAfterMillis);
  }

  private void stubUnavailableThenStream(int status, String retryAfterMillis) {
    com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder unavailable = aResponse().withStatus(status);
    if (retryAfterMillis != null) {
      unavailable.withHeader("retry-after-ms", retryAfterMillis);
    }
    server.stubFor(post(urlEqualTo(PATH)).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(unavailable).willSetStateTo("up"));
    server.stubFor(post(urlEqualTo(PATH)).inScenario("retry").whenScenarioStateIs("up")
        .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody("data: [DONE]\n\n")));
  }

  @Test
  void theProviderIsRegisteredForServiceLoader() {
    Iterator<StreamingProvider> found = ServiceLoader.load(StreamingProvider.class).iterator();
    assertTrue(found.hasNext());
    assertInstanceOf(OkHttpStreamingProvider.class, found.next());
  }

  @Test
  void theServersRetryDelayIsHonouredOnTheSchedulerWhenBlocking() {
    stubUnavailableThenStream("1234");
    try (StreamResponse<ResponseEvent> stream = provider.open(context(2, scheduler), ID, request(), RequestOptions.none())) {
      assertFalse(stream.iterator().hasNext());
    }
    assertEquals(Arrays.asList(1234L), scheduler.delaysMillis);
    server.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void theServersRetryDelayIsHonouredOnTheSchedulerWhenAsync() throws Exception {
    stubUnavailableThenStream("1234");
    AsyncStreamResponse<ResponseEvent> stream = provider.openAsync(context(2, scheduler), ID, request(), RequestOptions.none());
    stream.subscribe(event -> { }).onCompleteFuture().get(10, TimeUnit.SECONDS);
    assertEquals(Arrays.asList(1234L), scheduler.delaysMillis);
    server.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void withoutRetryHeadersTheBackoffApplies() {
    stubUnavailableThenStream(429, null); // a 503 without them may have been processed: not retried
    provider.open(context(2, scheduler), ID, request(), RequestOptions.none()).close();
    long delay = scheduler.delaysMillis.get(0);
    assertTrue(delay >= 375 && delay <= 500, "first backoff " + delay);
  }

  @Test
  void connectionFailuresAreRetriedThenReported() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ClientContext offline = context(HttpUrl.get("http://127.0.0.1:" + port + "/"), 1, scheduler);
    assertThrows(OrqIoException.class, () -> provider.open(offline, ID, request(), RequestOptions.none()));
    assertEquals(1, scheduler.delaysMillis.size());

    CompletableFuture<Void> async = provider.openAsync(offline, ID, request(), RequestOptions.none())
        .subscribe(event -> { }).onCompleteFuture();
    ExecutionException e = assertThrows(ExecutionException.class, () -> async.get(10, TimeUnit.SECONDS));
    assertInstanceOf(OrqIoException.class, e.getCause());
    assertEquals(2, scheduler.delaysMillis.size());
  }

  @Test
  void aClosedClientSendsNothing() throws Exception {
    stubUnavailableThenStream("0");
    scheduler.shutdown();
    OrqIoException e = assertThrows(OrqIoException.class,
        () -> provider.open(context(2, scheduler), ID, request(), RequestOptions.none()));
    assertEquals("The client is closed", e.getMessage());

    server.resetScenarios();
    CompletableFuture<Void> async = provider.openAsync(context(2, scheduler), ID, request(), RequestOptions.none())
        .subscribe(event -> { }).onCompleteFuture();
    ExecutionException failure = assertThrows(ExecutionException.class, () -> async.get(10, TimeUnit.SECONDS));
    assertEquals("The client is closed", failure.getCause().getMessage());
    assertEquals(0, server.getAllServeEvents().size());
  }

  @Test
  void anInterruptWhileWaitingToRetryCancels() throws Exception {
    stubUnavailableThenStream("30000");
    ScheduledThreadPoolExecutor realTime = new ScheduledThreadPoolExecutor(1);
    try {
      AtomicReference<Throwable> outcome = new AtomicReference<>();
      AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          provider.open(context(2, realTime), ID, request(), RequestOptions.none()).close();
        } catch (Throwable t) {
          outcome.set(t);
          stillInterrupted.set(Thread.currentThread().isInterrupted());
        }
      });
      caller.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (realTime.getQueue().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      caller.interrupt();
      caller.join(5_000);
      OrqCanceledException e = assertInstanceOf(OrqCanceledException.class, outcome.get());
      assertEquals("Interrupted while waiting to retry", e.getMessage());
      assertEquals(Boolean.TRUE, stillInterrupted.get());
    } finally {
      realTime.shutdownNow();
    }
  }

  @Test
  void closeDuringTheFirstAttemptFailsAsCanceled() throws Exception {
    server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFixedDelay(2_000)
        .withHeader("Content-Type", "text/event-stream").withBody("data: [DONE]\n\n")));
    AsyncStreamResponse<ResponseEvent> stream = provider.openAsync(context(2, scheduler), ID, request(), RequestOptions.none());
    AtomicReference<OrqException> failure = new AtomicReference<>();
    stream.subscribe(new StreamHandler<ResponseEvent>() {
      @Override
      public void onEvent(ResponseEvent event) {}

      @Override
      public void onFailure(OrqException error) {
        failure.set(error);
      }
    });
    Thread.sleep(200);
    stream.close();
    ExecutionException e = assertThrows(ExecutionException.class, () -> stream.onCompleteFuture().get(5, TimeUnit.SECONDS));
    assertInstanceOf(OrqCanceledException.class, e.getCause());
    assertInstanceOf(OrqCanceledException.class, failure.get());
    assertEquals(0, scheduler.delaysMillis.size(), "a cancel is never retried");
  }
}
