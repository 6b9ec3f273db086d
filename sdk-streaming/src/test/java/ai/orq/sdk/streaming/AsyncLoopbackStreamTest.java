package ai.orq.sdk.streaming;

import static ai.orq.sdk.streaming.AsyncStreamResponseTest.failureOf;
import static ai.orq.sdk.streaming.Fixtures.CONVERSATION_ID;
import static ai.orq.sdk.streaming.Fixtures.request;
import static ai.orq.sdk.streaming.LoopbackStreamTest.delta;
import static ai.orq.sdk.streaming.LoopbackStreamTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqTimeoutException;
import ai.orq.sdk.errors.StreamTruncatedException;
import ai.orq.sdk.model.ResponseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The async stream over the raw loopback server: the twins of {@link LoopbackStreamTest}. */
final class AsyncLoopbackStreamTest {
  private final OkHttpClient http = new OkHttpClient(); // OkHttp's defaults: 5 requests per host
  private LoopbackServer server;
  private OrqClient client;

  private void serve(LoopbackServer.Script script) throws Exception {
    server = new LoopbackServer(script);
    client =
        OrqClient.builder()
            .apiKey(Fixtures.API_KEY)
            .baseUrl(server.url().toString())
            .okHttpClient(http)
            .build();
  }

  @AfterEach
  void tearDown() throws Exception {
    Fixtures.close(client, server);
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }

  private AsyncStreamResponse<ResponseEvent> open(OrqClient orq, RequestOptions options) {
    return orq.conversations()
        .createConversationResponseAsync(CONVERSATION_ID, request())
        .withOptions(options);
  }

  @Test
  void theFirstEventArrivesWhileTheServerIsStillSending() throws Exception {
    RecordingHandler handler = new RecordingHandler();
    AtomicReference<Boolean> serverSawIt = new AtomicReference<>();
    serve(
        exchange -> {
          exchange.startEvents().event(delta(1));
          serverSawIt.set(handler.firstEvent.await(5, TimeUnit.SECONDS));
          exchange.event(delta(2)).event("[DONE]").end();
        });
    open(client, RequestOptions.none())
        .subscribe(handler)
        .onCompleteFuture()
        .get(10, TimeUnit.SECONDS);
    assertEquals(Boolean.TRUE, serverSawIt.get());
    assertEquals("token 1 ", text(handler.events.get(0)));
    assertEquals(2, handler.events.size());
  }

  @Test
  void closeWhileWaitingForEventsFailsAsCanceledPromptlyAndReleasesTheConnection()
      throws Exception {
    CountDownLatch serverDone = new CountDownLatch(1);
    serve(
        exchange -> {
          exchange.startEvents().event(delta(1));
          exchange.awaitClientGone(30_000);
          serverDone.countDown();
        });
    RecordingHandler handler = new RecordingHandler();
    AsyncStreamResponse<ResponseEvent> stream =
        open(client, RequestOptions.none()).subscribe(handler);
    assertTrue(handler.firstEvent.await(5, TimeUnit.SECONDS));
    Thread.sleep(200); // OkHttp's thread is now blocked reading
    long closeAt = System.nanoTime();
    stream.close();
    OrqCanceledException e = assertInstanceOf(OrqCanceledException.class, handler.onlyFailure());
    assertTrue(
        TimeUnit.NANOSECONDS.toMillis(handler.terminalAt - closeAt) < 1_000, "canceled promptly");
    assertTrue(e.getMessage().contains("after 1 event(s)"), e.getMessage());
    assertInstanceOf(OrqCanceledException.class, failureOf(stream.onCompleteFuture()));
    assertTrue(serverDone.await(5, TimeUnit.SECONDS));
    assertEquals(
        0, http.connectionPool().connectionCount() - http.connectionPool().idleConnectionCount());
    stream.close();
    assertEquals(1, handler.failures.size(), "exactly one terminal callback");
  }

  @Test
  void closeFromInsideTheHandlerStopsTheEvents() throws Exception {
    serve(
        exchange -> {
          exchange.startEvents();
          for (int i = 0; i < 1_000; i++) {
            exchange.event(delta(i)).pause(2);
          }
        });
    AtomicReference<AsyncStreamResponse<ResponseEvent>> self = new AtomicReference<>();
    RecordingHandler handler =
        new RecordingHandler() {
          @Override
          public void onEvent(ResponseEvent event) {
            super.onEvent(event);
            if (events.size() == 3) {
              self.get().close();
            }
          }
        };
    AsyncStreamResponse<ResponseEvent> stream = open(client, RequestOptions.none());
    self.set(stream);
    stream.subscribe(handler);
    assertInstanceOf(OrqCanceledException.class, handler.onlyFailure());
    assertEquals(3, handler.events.size());
  }

  @Test
  void aConnectionDroppedMidStreamIsTruncatedAndNotRetried() throws Exception {
    serve(exchange -> exchange.startEvents().event(delta(1)).drop());
    RecordingHandler handler = new RecordingHandler();
    open(client, RequestOptions.none()).subscribe(handler);
    StreamTruncatedException e =
        assertInstanceOf(StreamTruncatedException.class, handler.onlyFailure());
    assertEquals(1, e.eventsReceived());
    assertEquals(1, handler.events.size());
    assertEquals(1, server.requestCount(), "never retried once an event was delivered");
  }

  @Test
  void theIdleTimeoutFiresWhenTheServerStalls() throws Exception {
    serve(
        exchange -> {
          exchange.startEvents().event(delta(1));
          exchange.awaitClientGone(30_000);
        });
    RecordingHandler handler = new RecordingHandler();
    open(client, RequestOptions.builder().timeout(Duration.ofMillis(300)).build())
        .subscribe(handler);
    OrqTimeoutException e = assertInstanceOf(OrqTimeoutException.class, handler.onlyFailure());
    assertTrue(e.getMessage().contains("idle timeout"), e.getMessage());
  }

  @Test
  void closeWhileWaitingToRetryFailsAsCanceledAtOnce() throws Exception {
    serve(exchange -> exchange.send503(5_000));
    RecordingHandler handler = new RecordingHandler();
    AsyncStreamResponse<ResponseEvent> stream =
        open(client, RequestOptions.none()).subscribe(handler);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.requestCount() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(200); // the 503 has arrived; a retry is scheduled in 5 s
    long closeAt = System.nanoTime();
    stream.close();
    assertInstanceOf(OrqCanceledException.class, handler.onlyFailure());
    assertTrue(TimeUnit.NANOSECONDS.toMillis(handler.terminalAt - closeAt) < 1_000);
    assertEquals(1, server.requestCount());
  }

  @Test
  void twentyConcurrentStreamsFlowTogetherOnAClientWithOkHttpsDefaultDispatcher() throws Exception {
    twentyStreamsProgressTogether(false);
  }

  @Test
  void twentyConcurrentStreamsFlowTogetherOnAClientOfItsOwn() throws Exception {
    twentyStreamsProgressTogether(true);
  }

  private void twentyStreamsProgressTogether(boolean ownClient) throws Exception {
    int streams = 20;
    CountDownLatch clientHasAllFirstEvents = new CountDownLatch(streams);
    serve(
        exchange -> {
          exchange.startEvents().event(delta(0));
          // The rest only once the client holds the first event of every stream: with fewer streams
          // flowing at once this waits out its 10 s and the assertions below fail.
          clientHasAllFirstEvents.await(10, TimeUnit.SECONDS);
          for (int i = 1; i <= 5; i++) {
            exchange.event(delta(i));
          }
          exchange.event("[DONE]").end();
        });
    try (OrqClient orq = ownClient ? Fixtures.client(server.url()) : client.newBuilder().build()) {
      List<RecordingHandler> handlers = new ArrayList<>();
      for (int s = 0; s < streams; s++) {
        RecordingHandler handler =
            new RecordingHandler() {
              @Override
              public void onEvent(ResponseEvent event) {
                super.onEvent(event);
                if (events.size() == 1) {
                  clientHasAllFirstEvents.countDown();
                }
              }
            };
        handlers.add(handler);
        open(orq, RequestOptions.none()).subscribe(handler);
      }
      long lastFirst = Long.MIN_VALUE;
      long firstEnd = Long.MAX_VALUE;
      for (RecordingHandler handler : handlers) {
        handler.awaitTerminal();
        assertEquals(1, handler.completions, handler.failures.toString());
        assertEquals(6, handler.events.size());
        lastFirst = Math.max(lastFirst, handler.firstEventAt);
        firstEnd = Math.min(firstEnd, handler.terminalAt);
      }
      assertTrue(lastFirst < firstEnd, "every stream had its first event before any stream ended");
      assertEquals(0, clientHasAllFirstEvents.getCount());
      assertEquals(streams, server.requestCount());
    }
  }
}
