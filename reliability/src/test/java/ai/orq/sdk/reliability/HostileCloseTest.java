package ai.orq.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamHandler;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.model.ResponseEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Point 4 of issue 22: {@code close()} ends everything the client started. Against a server whose
 * answers stall after their first event (or byte), with a 60 s timeout, closing the client must end
 * each call and stream at once with {@link OrqCanceledException}, exactly once, from any thread;
 * and a program that closes its client with an async stream open must exit. Before the fix, every
 * case here ran into its bound: the streams and calls went on reading, and the program never
 * exited.
 */
class HostileCloseTest {
  private static final Duration WITHIN = Duration.ofSeconds(10);

  private HostileServer server;
  private OrqClient client;

  @BeforeEach
  void start() throws IOException {
    server = new HostileServer(Stalling.afterTheFirstEvent());
    client = Hostile.client(server, b -> b.timeout(Duration.ofSeconds(60)));
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
  }

  @Test
  void aBlockingStreamReadOnAnotherThreadEnds() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    AtomicInteger events = new AtomicInteger();
    CompletableFuture<Void> reading =
        CompletableFuture.runAsync(
            () -> {
              try (StreamResponse<ResponseEvent> stream =
                  client
                      .conversations()
                      .createConversationResponse(Bodies.ID, Operation.streamRequest())) {
                for (ResponseEvent unused : stream) {
                  events.incrementAndGet();
                  first.countDown();
                }
              }
            });
    assertTrue(first.await(10, TimeUnit.SECONDS));

    client.close();

    assertClosed(Hostile.failure(() -> reading.get(WITHIN.toSeconds(), TimeUnit.SECONDS)));
    assertEquals(1, events.get());
  }

  @Test
  void anAsyncStreamEndsOnce() throws Exception {
    Recording handler = new Recording(null);
    AsyncStreamResponse<ResponseEvent> stream =
        client
            .conversations()
            .createConversationResponseAsync(Bodies.ID, Operation.streamRequest())
            .subscribe(handler);
    assertTrue(handler.first.await(10, TimeUnit.SECONDS));

    client.close();

    assertClosed(
        Hostile.failure(() -> stream.onCompleteFuture().get(WITHIN.toSeconds(), TimeUnit.SECONDS)));
    assertEquals(List.of("event", "failure"), handler.calls);
  }

  @Test
  void closingFromTheHandlersCallbackEndsItsOwnStream() throws Exception {
    Recording handler = new Recording(client);
    AsyncStreamResponse<ResponseEvent> stream =
        client
            .conversations()
            .createConversationResponseAsync(Bodies.ID, Operation.streamRequest())
            .subscribe(handler);

    assertClosed(
        Hostile.failure(() -> stream.onCompleteFuture().get(WITHIN.toSeconds(), TimeUnit.SECONDS)));
    assertEquals(List.of("event", "failure"), handler.calls);
  }

  @Test
  void callsInFlightEnd() throws Exception {
    CompletableFuture<Object> blocking =
        CompletableFuture.supplyAsync(() -> client.conversations().retrieve(Bodies.ID).execute());
    CompletableFuture<?> async = client.conversations().retrieve(Bodies.ID).executeAsync();
    assertTimeoutPreemptively(
        WITHIN,
        () -> {
          while (server.requests().size() < 2) {
            Thread.sleep(10);
          }
        });
    Thread.sleep(200); // both are reading their body now

    client.close();

    for (CompletableFuture<?> call : List.of(blocking, async)) {
      assertClosed(Hostile.failure(() -> call.get(WITHIN.toSeconds(), TimeUnit.SECONDS)));
    }
    assertClosed(Hostile.failure(() -> client.conversations().retrieve(Bodies.ID).execute()));
  }

  @Test
  void aProgramThatClosesItsClientWithAnAsyncStreamOpenExits() throws Exception {
    Process program =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ClosingProgram.class.getName(),
                server.baseUrl())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(program.getInputStream(), StandardCharsets.UTF_8))) {
      String line =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () -> {
                String read;
                while ((read = out.readLine()) != null && !read.equals("closed")) {
                  System.out.println("program: " + read);
                }
                return read;
              });
      assertEquals("closed", line, "the program got its event and closed its client");
      long closedAt = System.nanoTime();

      boolean exited = program.waitFor(5, TimeUnit.SECONDS);

      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt);
      assertTrue(exited, "the JVM still runs 5 s after main returned");
      System.out.println("exited " + millis + " ms after close");
      assertTrue(millis < 1000, "exited after " + millis + " ms");
    } finally {
      program.destroyForcibly();
    }
  }

  /**
   * The race of the flaky {@code RetryTest.closingTheClientEndsCallsWaitingToRetry} (issue 22,
   * point 10), at every stage: calls and streams answered 503 with a 10 ms {@code Retry-After}
   * after a random pause, so that the close lands while one is sending, waiting for its head,
   * scheduling its retry or waiting for it. Whatever the interleaving, each ends the same way.
   */
  @Test
  void aCloseRacingRetriesEndsEveryCallTheSameWay() throws Exception {
    java.util.Random random =
        new java.util.Random(Support.seed("aCloseRacingRetriesEndsEveryCallTheSameWay"));
    try (HostileServer retrying =
        new HostileServer(
            (request, out) -> {
              Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(3));
              HostileServer.write(
                  out,
                  "HTTP/1.1 503 Busy\r\nRetry-After: 0.01\r\nConnection: close\r\n"
                      + "Content-Length: 0\r\n\r\n");
            })) {
      for (int round = 0; round < 100; round++) {
        OrqClient racing = Hostile.client(retrying, b -> b.maxRetries(1_000_000));
        List<CompletableFuture<?>> calls =
            List.of(
                CompletableFuture.supplyAsync(
                    () -> racing.conversations().retrieve(Bodies.ID).execute()),
                racing.conversations().retrieve(Bodies.ID).executeAsync(),
                racing
                    .conversations()
                    .createConversationResponseAsync(Bodies.ID, Operation.streamRequest())
                    .subscribe(event -> {})
                    .onCompleteFuture());
        Thread.sleep(random.nextInt(30));

        racing.close();

        for (CompletableFuture<?> call : calls) {
          OrqException e = Hostile.failure(() -> call.get(WITHIN.toSeconds(), TimeUnit.SECONDS));
          assertClosed(e);
        }
      }
    }
  }

  private static void assertClosed(OrqException e) {
    assertInstanceOf(OrqCanceledException.class, e, e::toString);
    assertEquals("The client is closed", e.getMessage());
  }

  /** Records its calls; closes {@code closing} on the first event when given one. */
  private static final class Recording implements StreamHandler<ResponseEvent> {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final CountDownLatch first = new CountDownLatch(1);
    private final OrqClient closing;

    Recording(OrqClient closing) {
      this.closing = closing;
    }

    @Override
    public void onEvent(ResponseEvent event) {
      calls.add("event");
      first.countDown();
      if (closing != null) {
        closing.close();
      }
    }

    @Override
    public void onComplete() {
      calls.add("complete");
    }

    @Override
    public void onFailure(OrqException error) {
      calls.add("failure");
    }
  }
}
