package ai.orq.sdk.streaming;

import static ai.orq.sdk.streaming.Fixtures.CONVERSATION_ID;
import static ai.orq.sdk.streaming.Fixtures.request;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.LogLevel;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqTimeoutException;
import ai.orq.sdk.errors.StreamTruncatedException;
import ai.orq.sdk.model.ResponseEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The blocking stream over a loopback server that writes raw bytes: incremental delivery, chunking,
 * truncation, no retry after the first event, cancellation, leaks, idle timeout and concurrency.
 */
final class LoopbackStreamTest {
  private final OkHttpClient http = new OkHttpClient();
  private LoopbackServer server;
  private OrqClient client;

  static String delta(int i) {
    return "{\"type\":\"part.delta\",\"timestamp\":\"2026-02-01T10:00:00.000Z\",\"data\":{\"partId\":\"p\",\"delta\":{\"_id\":\"p\",\"kind\":\"text\",\"text\":\"token"
               + " "
        + i
        + " \"}}}";
  }

  static String text(ResponseEvent event) {
    return event.asPartDelta().getData().getDelta().asText().getText();
  }

  private StreamResponse<ResponseEvent> open() {
    return client.conversations().createConversationResponse(CONVERSATION_ID, request());
  }

  private StreamResponse<ResponseEvent> open(RequestOptions options) {
    return client
        .conversations()
        .createConversationResponse(CONVERSATION_ID, request())
        .withOptions(options);
  }

  /**
   * Serves {@code script}; the client shares {@link #http}'s connection pool, so the tests can
   * watch it.
   */
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
    if (client != null) {
      client.close();
    }
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
    if (server != null) {
      server.close();
      assertEquals(new ArrayList<>(), server.scriptFailures, "the server script failed");
    }
  }

  @Test
  void theFirstEventArrivesWhileTheServerIsStillSending() throws Exception {
    CountDownLatch clientHasFirst = new CountDownLatch(1);
    AtomicReference<Boolean> serverSawIt = new AtomicReference<>();
    serve(
        exchange -> {
          exchange.startEvents().event(delta(1));
          serverSawIt.set(
              clientHasFirst.await(5, TimeUnit.SECONDS)); // nothing more until the client has it
          exchange.event(delta(2)).event("[DONE]").end();
        });
    try (StreamResponse<ResponseEvent> stream = open()) {
      Iterator<ResponseEvent> events = stream.iterator();
      assertEquals("token 1 ", text(events.next()));
      clientHasFirst.countDown();
      assertEquals("token 2 ", text(events.next()));
      assertFalse(events.hasNext());
    }
    assertEquals(Boolean.TRUE, serverSawIt.get());
  }

  @Test
  void anEventEndingInCrIsDeliveredBeforeTheServerSendsMore() throws Exception {
    CountDownLatch clientHasFirst = new CountDownLatch(1);
    AtomicReference<Boolean> serverSawIt = new AtomicReference<>();
    serve(
        exchange -> {
          exchange.startEvents().send("data: " + delta(1) + "\r\r");
          serverSawIt.set(clientHasFirst.await(5, TimeUnit.SECONDS));
          exchange.send("data: [DONE]\r\r").end();
        });
    try (StreamResponse<ResponseEvent> stream = open()) {
      Iterator<ResponseEvent> events = stream.iterator();
      assertEquals("token 1 ", text(events.next()));
      clientHasFirst.countDown();
      assertFalse(events.hasNext());
    }
    assertEquals(Boolean.TRUE, serverSawIt.get());
  }

  @Test
  void bodyLoggingDoesNotHoldEventsBack() throws Exception {
    CountDownLatch clientHasFirst = new CountDownLatch(1);
    AtomicReference<Boolean> serverSawIt = new AtomicReference<>();
    serve(
        exchange -> {
          exchange.startEvents().event(delta(1));
          serverSawIt.set(clientHasFirst.await(5, TimeUnit.SECONDS));
          exchange.event("[DONE]").end();
        });
    try (OrqClient logging = client.newBuilder().logLevel(LogLevel.BODY).build();
        StreamResponse<ResponseEvent> stream =
            logging.conversations().createConversationResponse(CONVERSATION_ID, request())) {
      Iterator<ResponseEvent> events = stream.iterator();
      assertEquals("token 1 ", text(events.next()));
      clientHasFirst.countDown();
      assertFalse(events.hasNext());
    }
    assertEquals(Boolean.TRUE, serverSawIt.get());
  }

  @Test
  void randomChunkingOfTheRecordedStreamGivesIdenticalEvents() throws Exception {
    byte[] recorded = Fixtures.recordedStream();
    List<ResponseEvent> expected = Fixtures.recordedEvents();
    long seed = 0x5EEDL;
    serve(
        exchange -> {
          Random random = new Random(seed + exchange.index);
          String ending = new String[] {"\n", "\r\n", "\r"}[exchange.index % 3];
          byte[] bytes = new String(recorded, UTF_8).replace("\n", ending).getBytes(UTF_8);
          exchange.startEvents();
          for (int i = 0; i < bytes.length; ) {
            int size = 1 + random.nextInt(random.nextBoolean() ? 5 : 400);
            exchange.send(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + size)));
            i += size;
            if (random.nextInt(20) == 0) {
              exchange.pause(1);
            }
          }
          exchange.end();
        });
    for (int round = 0; round < 12; round++) {
      List<ResponseEvent> events = new ArrayList<>();
      try (StreamResponse<ResponseEvent> stream = open()) {
        stream.forEach(events::add);
      }
      assertEquals(expected, events, "round " + round);
    }
    assertEquals(
        1, server.connectionCount(), "each finished stream returns its connection for reuse");
  }

  @Test
  void anEventLongerThan64KiBInSmallChunksArrivesWhole() throws Exception {
    StringBuilder text = new StringBuilder();
    while (text.length() < 300_000) {
      text.append("w\u00f6rd \u4e16\u754c \ud83d\ude00 ");
    }
    String event =
        "{\"type\":\"part.delta\",\"timestamp\":\"t\",\"data\":{\"partId\":\"p\","
            + "\"delta\":{\"_id\":\"p\",\"kind\":\"text\",\"text\":\""
            + text
            + "\"}}}";
    byte[] bytes = ("data: " + event + "\r\n\r\ndata: [DONE]\r\n\r\n").getBytes(UTF_8);
    serve(
        exchange -> {
          exchange.startEvents();
          for (int i = 0; i < bytes.length; i += 999) {
            exchange.send(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 999)));
          }
          exchange.end();
        });
    try (StreamResponse<ResponseEvent> stream = open()) {
      Iterator<ResponseEvent> events = stream.iterator();
      assertEquals(text.toString(), text(events.next()));
      assertFalse(events.hasNext());
    }
  }

  @Test
  void aConnectionDroppedMidStreamIsTruncatedAndNotRetried() throws Exception {
    serve(exchange -> exchange.startEvents().event(delta(1)).event(delta(2)).drop());
    List<ResponseEvent> events = new ArrayList<>();
    StreamTruncatedException e;
    try (StreamResponse<ResponseEvent> stream = open()) {
      e = assertThrows(StreamTruncatedException.class, () -> stream.forEach(events::add));
    }
    assertEquals(2, events.size());
    assertEquals(2, e.eventsReceived());
    assertInstanceOf(java.io.IOException.class, e.getCause());
    assertEquals(1, server.requestCount(), "never retried once an event was delivered");
  }

  @Test
  void aBodyEndingWithoutDoneIsTruncatedAndNotRetried() throws Exception {
    serve(exchange -> exchange.start(200, "text/event-stream", false).event(delta(1)).end());
    try (StreamResponse<ResponseEvent> stream = open()) {
      Iterator<ResponseEvent> events = stream.iterator();
      events.next();
      assertEquals(
          1, assertThrows(StreamTruncatedException.class, events::hasNext).eventsReceived());
    }
    assertEquals(1, server.requestCount());
  }

  @Test
  void aFailureBeforeAnyEventAfterTheStreamStartedIsNotRetriedEither() throws Exception {
    serve(exchange -> exchange.startEvents().send(": warming up\n\n").drop());
    try (StreamResponse<ResponseEvent> stream = open()) {
      assertThrows(StreamTruncatedException.class, () -> stream.iterator().hasNext());
    }
    assertEquals(
        1, server.requestCount(), "the server took the message: a retry would send it twice");
  }

  @Test
  void aServerErrorBeforeTheStreamIsRetriedThenStreams() throws Exception {
    serve(
        exchange -> {
          if (exchange.index == 0) {
            exchange.send503();
          } else {
            exchange.startEvents().event(delta(1)).event("[DONE]").end();
          }
        });
    try (StreamResponse<ResponseEvent> stream = open()) {
      assertEquals("token 1 ", text(stream.iterator().next()));
    }
    assertEquals(2, server.requestCount());
  }

  @Test
  void closeFromAnotherThreadUnblocksTheReaderPromptlyAndReleasesTheConnection() throws Exception {
    CountDownLatch serverDone = new CountDownLatch(1);
    serve(
        exchange -> {
          exchange.startEvents().event(delta(1));
          exchange.awaitClientGone(30_000); // stalls: sends nothing more
          serverDone.countDown();
        });
    StreamResponse<ResponseEvent> stream = open();
    CountDownLatch gotFirst = new CountDownLatch(1);
    AtomicReference<Throwable> readerOutcome = new AtomicReference<>();
    AtomicLong readerEndedAt = new AtomicLong();
    Thread reader =
        new Thread(
            () -> {
              try {
                Iterator<ResponseEvent> events = stream.iterator();
                events.next();
                gotFirst.countDown();
                boolean unused = events.hasNext(); // blocks: the server sends nothing more
                readerOutcome.set(new AssertionError("the read returned"));
              } catch (Throwable t) {
                readerOutcome.set(t);
              } finally {
                readerEndedAt.set(System.nanoTime());
              }
            });
    reader.start();
    assertTrue(gotFirst.await(5, TimeUnit.SECONDS));
    Thread.sleep(200); // let the reader block in the socket read
    long closeAt = System.nanoTime();
    stream.close();
    long closeReturnedAt = System.nanoTime();
    reader.join(5_000);
    assertFalse(reader.isAlive());
    assertInstanceOf(OrqCanceledException.class, readerOutcome.get());
    assertTrue(
        TimeUnit.NANOSECONDS.toMillis(closeReturnedAt - closeAt) < 1_000,
        "close() returns promptly");
    assertTrue(
        TimeUnit.NANOSECONDS.toMillis(readerEndedAt.get() - closeAt) < 1_000,
        "the reader is unblocked promptly");
    assertTrue(serverDone.await(5, TimeUnit.SECONDS), "the connection was closed");
    assertNoConnectionInUse();
    stream.close(); // idempotent
  }

  @Test
  void aReaderOnAnotherThreadThanTheCloserSeesACancelNeverANormalEnd() throws Exception {
    serve(
        exchange -> {
          exchange.startEvents().event(delta(1));
          exchange.awaitClientGone(30_000);
        });
    StreamResponse<ResponseEvent> stream = open();
    Iterator<ResponseEvent> events = stream.iterator();
    Thread closer = new Thread(stream::close);
    closer.start();
    closer.join(5_000);
    OrqCanceledException e = assertThrows(OrqCanceledException.class, events::hasNext);
    assertTrue(e.getMessage().contains("closed after 0 event(s)"), e.getMessage());
    assertFalse(events.hasNext(), "then the iteration is over");
    assertNoConnectionInUse();
  }

  @Test
  void closeOnTheReadingThreadEndsTheIterationQuietly() throws Exception {
    serve(
        exchange -> {
          exchange.startEvents().event(delta(1)).event(delta(2));
          exchange.awaitClientGone(30_000);
        });
    StreamResponse<ResponseEvent> stream = open();
    Iterator<ResponseEvent> events = stream.iterator();
    events.next();
    stream.close();
    assertFalse(events.hasNext());
    stream.close();
    assertNoConnectionInUse();
  }

  @Test
  void breakingOutOfTheLoopEarlyLeaksNothing() throws Exception {
    CountDownLatch serverDone = new CountDownLatch(1);
    serve(
        exchange -> {
          exchange.startEvents();
          try {
            for (int i = 0; i < 10_000; i++) {
              exchange.event(delta(i)).pause(5);
            }
          } finally {
            serverDone.countDown();
          }
        });
    List<String> seen = new ArrayList<>();
    try (StreamResponse<ResponseEvent> stream = open()) {
      for (ResponseEvent event : stream) {
        seen.add(text(event));
        if (seen.size() == 3) {
          break;
        }
      }
    }
    assertEquals(Arrays.asList("token 0 ", "token 1 ", "token 2 "), seen);
    assertNoConnectionInUse();
    assertTrue(serverDone.await(5, TimeUnit.SECONDS), "the server noticed the client went away");
    assertEquals(new ArrayList<>(), leakWarningsAfterGc());
  }

  @Test
  void okHttpsLeakWarningIsSeenByTheCheckAbove() throws Exception {
    // The control for leakWarningsAfterGc: a response dropped without closing it is reported.
    serve(exchange -> exchange.startEvents().event(delta(1)).awaitClientGone(30_000));
    leakAResponse();
    List<String> warnings = leakWarningsAfterGc();
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(
        warnings.get(0).contains("Did you forget to close a response body?"), warnings.get(0));
  }

  private void leakAResponse() throws IOException {
    http.newCall(new okhttp3.Request.Builder().url(server.url()).build()).execute(); // never closed
  }

  /**
   * OkHttp's "connection leaked" warnings: it finds a leak when the pool cleans up after the
   * garbage collector has taken a call whose response was never closed. This collects garbage, then
   * opens a new connection, which makes the pool clean up, and returns what was logged.
   */
  private List<String> leakWarningsAfterGc() throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger(OkHttpClient.class.getName());
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getMessage() != null && record.getMessage().contains("leaked")) {
              warnings.add(record.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(50);
      }
      http.newCall(
              new okhttp3.Request.Builder().url(server.url()).header("Connection", "close").build())
          .execute()
          .close();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
      while (warnings.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      return new ArrayList<>(warnings);
    } finally {
      logger.removeHandler(handler);
    }
  }

  @Test
  void anUnclosedRawResponseWouldShowAsAConnectionInUse() throws Exception {
    // The control for assertNoConnectionInUse: a response nobody closes keeps its connection.
    serve(exchange -> exchange.startEvents().event(delta(1)).awaitClientGone(30_000));
    okhttp3.Response leaked =
        http.newCall(new okhttp3.Request.Builder().url(server.url()).build()).execute();
    assertEquals(1, inUse(http.connectionPool()));
    leaked.close();
    assertEquals(0, inUse(http.connectionPool()));
  }

  @Test
  void theIdleTimeoutFiresWhenTheServerStalls() throws Exception {
    serve(
        exchange -> {
          exchange.startEvents().event(delta(1));
          exchange.awaitClientGone(30_000);
        });
    try (StreamResponse<ResponseEvent> stream =
        open(RequestOptions.builder().timeout(Duration.ofMillis(300)).build())) {
      Iterator<ResponseEvent> events = stream.iterator();
      events.next();
      long start = System.nanoTime();
      OrqTimeoutException e = assertThrows(OrqTimeoutException.class, events::hasNext);
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(waited >= 250 && waited < 5_000, "waited " + waited + " ms");
      assertTrue(
          e.getMessage().contains("idle timeout of 300 ms, after 1 event(s)"), e.getMessage());
    }
    assertEquals(1, server.requestCount());
  }

  @Test
  void aLongHealthyStreamOutlivesTheClientTimeout() throws Exception {
    serve(
        exchange -> {
          exchange.startEvents();
          for (int i = 0; i < 12; i++) {
            exchange.event(delta(i)).pause(100);
          }
          exchange.event("[DONE]").end();
        });
    // The client's timeout is a whole-call timeout for other operations; for a stream, it only
    // bounds the silence between reads.
    try (OrqClient shortTimeout = client.newBuilder().timeout(Duration.ofMillis(500)).build();
        StreamResponse<ResponseEvent> stream =
            shortTimeout.conversations().createConversationResponse(CONVERSATION_ID, request())) {
      long start = System.nanoTime();
      assertEquals(12, stream.stream().count());
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) > 1_000);
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOutBeforeTheStream() throws Exception {
    serve(exchange -> exchange.awaitClientGone(30_000));
    RequestOptions options =
        RequestOptions.builder().timeout(Duration.ofMillis(200)).maxRetries(0).build();
    OrqTimeoutException e =
        assertThrows(OrqTimeoutException.class, () -> open(options).iterator().hasNext());
    assertInstanceOf(java.io.InterruptedIOException.class, e.getCause());
  }

  @Test
  void twentyConcurrentStreamsToOneHostAllProgressTogether() throws Exception {
    int streams = 20;
    CountDownLatch clientHasAllFirstEvents = new CountDownLatch(streams);
    serve(
        exchange -> {
          exchange.startEvents().event(delta(0));
          // The rest only once the client holds the first event of every stream.
          clientHasAllFirstEvents.await(10, TimeUnit.SECONDS);
          for (int i = 1; i <= 5; i++) {
            exchange.event(delta(i));
          }
          exchange.event("[DONE]").end();
        });
    ExecutorService readers = Executors.newFixedThreadPool(streams);
    try {
      List<Future<long[]>> results = new ArrayList<>();
      for (int s = 0; s < streams; s++) {
        results.add(
            readers.submit(
                () -> {
                  try (StreamResponse<ResponseEvent> stream = open()) {
                    Iterator<ResponseEvent> events = stream.iterator();
                    events.next();
                    long firstAt = System.nanoTime();
                    clientHasAllFirstEvents.countDown();
                    int count = 1;
                    while (events.hasNext()) {
                      events.next();
                      count++;
                    }
                    return new long[] {firstAt, System.nanoTime(), count};
                  }
                }));
      }
      long lastFirst = Long.MIN_VALUE;
      long firstEnd = Long.MAX_VALUE;
      for (Future<long[]> result : results) {
        long[] r = result.get(30, TimeUnit.SECONDS);
        assertEquals(6, r[2]);
        lastFirst = Math.max(lastFirst, r[0]);
        firstEnd = Math.min(firstEnd, r[1]);
      }
      assertTrue(lastFirst < firstEnd, "every stream had its first event before any stream ended");
      assertEquals(0, clientHasAllFirstEvents.getCount());
      assertEquals(streams, server.requestCount());
    } finally {
      readers.shutdownNow();
    }
  }

  @Test
  void aSlowReaderHoldsTheServerBackInsteadOfBuffering() throws Exception {
    AtomicLong written = new AtomicLong();
    CountDownLatch serverBlockedOrDone = new CountDownLatch(1);
    String event = "data: " + delta(0) + "\n\n";
    serve(
        exchange -> {
          exchange.startEvents();
          byte[] chunk = new String(new char[1000]).replace("\0", event).getBytes(UTF_8);
          try {
            for (int i = 0; i < 2_000; i++) { // about 250 MB if nobody pushed back
              exchange.send(chunk);
              written.addAndGet(chunk.length);
            }
          } finally {
            serverBlockedOrDone.countDown();
          }
        });
    try (StreamResponse<ResponseEvent> stream = open()) {
      stream.iterator().next();
      Thread.sleep(1_000); // a slow consumer
      long soFar = written.get();
      assertTrue(soFar < 64L * 1024 * 1024, "the server could write " + soFar + " bytes ahead");
      assertEquals(1, serverBlockedOrDone.getCount(), "the server is still blocked writing");
    }
  }

  private void assertNoConnectionInUse() throws InterruptedException {
    // The pool's view of the client's connections: in use = held by a call or an unclosed body.
    ConnectionPool pool = http.connectionPool();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (inUse(pool) != 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(0, inUse(pool), "connections in use");
  }

  private static int inUse(ConnectionPool pool) {
    return pool.connectionCount() - pool.idleConnectionCount();
  }
}
