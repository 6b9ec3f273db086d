package ai.orq.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stream's request runs on the client's attempt engine, blocking or async: the retries and their
 * delays until the stream starts, connection failures, a closed client, an interrupt while waiting,
 * a close during the first attempt.
 */
final class StreamRetryTest {
  private static final String ID = "conv_01JPROVIDER";
  private static final String PATH = "/v2/conversations/" + ID + "/responses";

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final RecordingScheduler scheduler = new RecordingScheduler();
  @AutoClose private final OrqClient client = TestServers.client(server, scheduler).build();

  static CreateResponseRequest request() {
    return CreateResponseRequest.builder()
        .message(Messages.userText("Hi"))
        .model("openai/gpt-4o")
        .build();
  }

  private void stubUnavailableThenStream(String retryAfterMillis) {
    stubUnavailableThenStream(503, retryAfterMillis);
  }

  private void stubUnavailableThenStream(int status, String retryAfterMillis) {
    com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder unavailable =
        aResponse().withStatus(status);
    if (retryAfterMillis != null) {
      unavailable.withHeader("retry-after-ms", retryAfterMillis);
    }
    server.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("retry")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(unavailable)
            .willSetStateTo("up"));
    server.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("retry")
            .whenScenarioStateIs("up")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody("data: [DONE]\n\n")));
  }

  @Test
  void theServersRetryDelayIsHonouredOnTheSchedulerWhenBlocking() {
    stubUnavailableThenStream("1234");
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(ID, request())) {
      assertFalse(stream.iterator().hasNext());
    }
    assertEquals(Arrays.asList(1234L), scheduler.delaysMillis);
    server.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void theServersRetryDelayIsHonouredOnTheSchedulerWhenAsync() throws Exception {
    stubUnavailableThenStream("1234");
    AsyncStreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponseAsync(ID, request());
    stream.subscribe(event -> {}).onCompleteFuture().get(10, TimeUnit.SECONDS);
    assertEquals(Arrays.asList(1234L), scheduler.delaysMillis);
    server.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void withoutRetryHeadersTheBackoffApplies() {
    stubUnavailableThenStream(429, null); // a 503 without them may have been processed: not retried
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(ID, request())) {
      assertFalse(stream.iterator().hasNext());
    }
    long delay = scheduler.delaysMillis.get(0);
    assertTrue(delay >= 375 && delay <= 500, "first backoff " + delay);
  }

  @Test
  void connectionFailuresAreRetriedThenReported() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    OrqClient offline =
        TestServers.client(server, scheduler)
            .baseUrl("http://127.0.0.1:" + port)
            .maxRetries(1)
            .build();
    assertThrows(
        OrqIoException.class,
        () ->
            offline.conversations().createConversationResponse(ID, request()).iterator().hasNext());
    assertEquals(1, scheduler.delaysMillis.size());

    CompletableFuture<Void> async =
        offline
            .conversations()
            .createConversationResponseAsync(ID, request())
            .subscribe(event -> {})
            .onCompleteFuture();
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> async.get(10, TimeUnit.SECONDS));
    assertInstanceOf(OrqIoException.class, e.getCause());
    assertEquals(2, scheduler.delaysMillis.size());
  }

  @Test
  void aClosedClientSendsNothing() throws Exception {
    stubUnavailableThenStream("0");
    client.close();
    OrqIoException e =
        assertThrows(
            OrqIoException.class,
            () ->
                client
                    .conversations()
                    .createConversationResponse(ID, request())
                    .iterator()
                    .hasNext());
    assertEquals("The client is closed", e.getMessage());

    server.resetScenarios();
    CompletableFuture<Void> async =
        client
            .conversations()
            .createConversationResponseAsync(ID, request())
            .subscribe(event -> {})
            .onCompleteFuture();
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> async.get(10, TimeUnit.SECONDS));
    assertEquals("The client is closed", failure.getCause().getMessage());
    assertEquals(0, server.getAllServeEvents().size());
  }

  @Test
  void anInterruptWhileWaitingToRetryCancels() throws Exception {
    stubUnavailableThenStream("30000");
    ScheduledThreadPoolExecutor realTime = TestServers.scheduler("test-real-time");
    try (OrqClient patient =
        TestServers.client(server, new RecordingScheduler()).scheduler(realTime).build()) {
      AtomicReference<Throwable> outcome = new AtomicReference<>();
      AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  boolean unused =
                      patient
                          .conversations()
                          .createConversationResponse(ID, request())
                          .iterator()
                          .hasNext();
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
    }
  }

  @Test
  void closeDuringTheFirstAttemptFailsAsCanceled() throws Exception {
    server.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withFixedDelay(2_000)
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody("data: [DONE]\n\n")));
    AsyncStreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponseAsync(ID, request());
    AtomicReference<OrqException> failure = new AtomicReference<>();
    stream.subscribe(
        new StreamHandler<ResponseEvent>() {
          @Override
          public void onEvent(ResponseEvent event) {}

          @Override
          public void onFailure(OrqException error) {
            failure.set(error);
          }
        });
    Thread.sleep(200);
    stream.close();
    ExecutionException e =
        assertThrows(
            ExecutionException.class, () -> stream.onCompleteFuture().get(5, TimeUnit.SECONDS));
    assertInstanceOf(OrqCanceledException.class, e.getCause());
    assertInstanceOf(OrqCanceledException.class, failure.get());
    assertEquals(0, scheduler.delaysMillis.size(), "a cancel is never retried");
  }
}
