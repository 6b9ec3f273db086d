package ai.orq.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.InternalServerException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqTimeoutException;
import ai.orq.sdk.model.ResponseEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Point 3 of issue 22: deadlines a user can reason about. A stream's idle timeout (2 s here) bounds
 * the time to its head and to the whole body of an error status, however steadily they trickle
 * (before the fix: no end, until the test's 30 s bound); a deadline ends a stream that keeps
 * streaming, or a call that keeps being retried, with {@link OrqTimeoutException} and closes the
 * connection (before: no such setting); a {@code callTimeout} of the user's OkHttp client is
 * refused when the client is built (before: silently replaced).
 */
class HostileDeadlineTest {
  private static final Duration IDLE = Duration.ofSeconds(2);

  /**
   * A stream's head (a long header) written one byte every 200 ms: 2 s pass long before its end.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aStreamWhoseHeadTricklesEndsAfterTheIdleTimeout(boolean async) throws IOException {
    try (HostileServer server =
            new HostileServer(
                (request, out) ->
                    HostileServer.trickle(
                        out,
                        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nX-Padding: "
                            + "x".repeat(500)
                            + "\r\n\r\n",
                        200));
        OrqClient client = Hostile.client(server, b -> b.timeout(IDLE))) {
      long start = System.nanoTime();

      OrqException e = Hostile.streamFailure(client, async);

      assertInstanceOf(OrqTimeoutException.class, e, e::toString);
      assertTookAbout(IDLE, start);
      assertEquals(1, server.requests().size(), "a POST whose head timed out is not repeated");
    }
  }

  /** A 503 whose head arrives at once and whose error body trickles for a minute. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aStreamWhoseErrorBodyTricklesEndsAfterTheIdleTimeoutWithItsStatus(boolean async)
      throws IOException {
    try (HostileServer server =
            new HostileServer(
                (request, out) -> {
                  HostileServer.write(
                      out,
                      "HTTP/1.1 503 Busy\r\n"
                          + "Content-Type: text/plain\r\n"
                          + "Content-Length: 600\r\n\r\n");
                  HostileServer.trickle(out, "y".repeat(600), 100);
                });
        OrqClient client = Hostile.client(server, b -> b.timeout(IDLE))) {
      long start = System.nanoTime();

      OrqException e = Hostile.streamFailure(client, async);

      InternalServerException status =
          assertInstanceOf(InternalServerException.class, e, e::toString);
      assertEquals(503, status.statusCode());
      assertTrue(status.rawBody().startsWith("yyyy"), "what arrived is kept: " + status.rawBody());
      assertTookAbout(IDLE, start);
    }
  }

  /** Valid events every 100 ms, never a [DONE]; the deadline is 1.5 s. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theDeadlineEndsAStreamThatKeepsStreamingAndClosesItsConnection(boolean async)
      throws Exception {
    CountDownLatch clientWentAway = new CountDownLatch(1);
    String event =
        Bodies.EVENTS.substring(
            Bodies.EVENTS.indexOf("\n\n") + 2,
            Bodies.EVENTS.indexOf("\n\n", Bodies.EVENTS.indexOf("\n\n") + 2) + 2);
    try (HostileServer server =
            new HostileServer(
                (request, out) -> {
                  HostileServer.write(
                      out,
                      "HTTP/1.1 200 OK\r\n"
                          + "Content-Type: text/event-stream\r\n"
                          + "Connection: close\r\n\r\n");
                  try {
                    while (true) {
                      HostileServer.write(out, event);
                      Thread.sleep(100);
                    }
                  } catch (IOException e) {
                    clientWentAway.countDown();
                  }
                });
        OrqClient client = Hostile.client(server, b -> b.timeout(IDLE))) {
      RequestOptions deadline = RequestOptions.builder().deadline(Duration.ofMillis(1500)).build();
      AtomicInteger events = new AtomicInteger();
      long start = System.nanoTime();

      OrqException e =
          Hostile.failure(
              () -> {
                if (async) {
                  AsyncStreamResponse<ResponseEvent> stream =
                      client
                          .conversations()
                          .createConversationResponseAsync(Bodies.ID, Operation.streamRequest())
                          .withOptions(deadline);
                  stream
                      .subscribe(ignored -> events.incrementAndGet())
                      .onCompleteFuture()
                      .get(20, TimeUnit.SECONDS);
                } else {
                  try (StreamResponse<ResponseEvent> stream =
                      client
                          .conversations()
                          .createConversationResponse(Bodies.ID, Operation.streamRequest())
                          .withOptions(deadline)) {
                    stream.forEach(ignored -> events.incrementAndGet());
                  }
                }
              });

      assertInstanceOf(OrqTimeoutException.class, e, e::toString);
      assertEquals("The deadline of 1500 ms passed", e.getMessage());
      assertTookAbout(Duration.ofMillis(1500), start);
      assertTrue(events.get() >= 5, events + " events before the deadline");
      assertTrue(clientWentAway.await(5, TimeUnit.SECONDS), "the connection was closed");
    }
  }

  /** Every attempt answered 503 with Retry-After 0.4 s; 100 retries allowed; deadline 1.5 s. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theDeadlineEndsACallAcrossItsRetries(boolean async) throws Exception {
    try (HostileServer server =
            new HostileServer(
                (request, out) ->
                    HostileServer.write(
                        out,
                        "HTTP/1.1 503 Busy\r\n"
                            + "Retry-After: 0.4\r\n"
                            + "Connection: close\r\n"
                            + "Content-Length: 0\r\n\r\n"));
        OrqClient client =
            Hostile.client(server, b -> b.maxRetries(100).deadline(Duration.ofMillis(1500)))) {
      long start = System.nanoTime();

      OrqException e =
          Hostile.failure(
              () -> {
                if (async) {
                  client
                      .conversations()
                      .retrieve(Bodies.ID)
                      .executeAsync()
                      .get(20, TimeUnit.SECONDS);
                } else {
                  client.conversations().retrieve(Bodies.ID).execute();
                }
              });

      assertInstanceOf(OrqTimeoutException.class, e, e::toString);
      assertTookAbout(Duration.ofMillis(1500), start);
      int requests = server.requests().size();
      assertTrue(requests >= 3 && requests <= 5, requests + " requests in 1.5 s, one per 0.4 s");
    }
  }

  @Test
  void aCallTimeoutOnTheUsersOkHttpClientIsRefusedWhenTheClientIsBuilt() {
    OkHttpClient theirs = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> OrqClient.builder().apiKey(Hostile.KEY).okHttpClient(theirs).build());

    assertTrue(
        e.getMessage().startsWith("okHttpClient has a callTimeout of 5000 ms"), e.getMessage());
  }

  private static void assertTookAbout(Duration expected, long startNanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    System.out.println(
        "ended after " + millis + " ms (expected about " + expected.toMillis() + " ms)");
    assertTrue(
        millis >= expected.toMillis() - 100 && millis < expected.toMillis() + 3000,
        "ended after " + millis + " ms, expected about " + expected.toMillis());
  }
}
