package ai.orq.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqTimeoutException;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.observe.AttemptEnd;
import ai.orq.sdk.observe.AttemptStart;
import ai.orq.sdk.observe.OperationEnd;
import ai.orq.sdk.observe.OperationStart;
import ai.orq.sdk.observe.OrqListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What an {@link OrqListener} is told, over HTTP: the start, each attempt (where it adds a header
 * the server sees), retries, and exactly one end, on every path of calls and streams. (A stream's
 * events are told in orq-sdk-streaming's tests; this module's provider reads none.)
 */
final class OrqListenerTest {
  private static final String ID = "conv_01JJ";
  private static final String PATH = "/v2/conversations/" + ID;
  private static final String STREAM_PATH = PATH + "/responses";

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final Recording listener = new Recording();
  private final RecordingScheduler scheduler = new RecordingScheduler();

  @AutoClose
  private final OrqClient client =
      TestServers.client(server, scheduler).addListener(listener).build();

  /** Records every call it gets, in order, as text; adds a trace header to each attempt. */
  static final class Recording implements OrqListener {
    final List<String> told = new CopyOnWriteArrayList<>();
    final List<OperationEnd> ends = new CopyOnWriteArrayList<>();

    @Override
    public Operation onStart(OperationStart start) {
      told.add(
          "start "
              + start.operationName()
              + " "
              + start.method()
              + " "
              + start.conversationId()
              + " model="
              + start.model()
              + " streaming="
              + start.streaming());
      return new Operation() {
        @Override
        public void onAttemptStart(AttemptStart attempt) {
          told.add("attempt " + attempt.number());
          attempt.setHeader(
              "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        }

        @Override
        public void onAttemptEnd(AttemptEnd attempt) {
          told.add(
              "attempt "
                  + attempt.number()
                  + " ended "
                  + attempt.statusCode()
                  + (attempt.failure() == null
                      ? ""
                      : " " + attempt.failure().getClass().getSimpleName())
                  + (attempt.willRetry() ? " retry in " + attempt.retryDelayMillis() : ""));
        }

        @Override
        public void onEvent(ResponseEvent event) {
          told.add("event");
        }

        @Override
        public void onEnd(OperationEnd end) {
          ends.add(end);
          told.add(
              "end "
                  + (end.error() == null ? "ok" : end.error().getClass().getSimpleName())
                  + " after "
                  + end.attempts());
        }
      };
    }

    /** Waits for the end, which an async path may tell just after its callback. */
    OperationEnd awaitEnd() throws InterruptedException {
      for (int i = 0; i < 500 && ends.isEmpty(); i++) {
        Thread.sleep(10);
      }
      assertEquals(1, ends.size(), () -> "ends: " + told);
      return ends.get(0);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCallIsToldFromStartToEndAndItsHeaderReachesTheServer(Mode mode) throws Exception {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(TestServers.okJson(Fixtures.WITH_MESSAGES)));

    mode.run(client.conversations().retrieve(ID));

    listener.awaitEnd();
    assertEquals(
        List.of(
            "start retrieve GET conv_01JJ model=null streaming=false",
            "attempt 0",
            "attempt 0 ended 200",
            "end ok after 1"),
        listener.told);
    server.verify(
        getRequestedFor(urlEqualTo(PATH))
            .withHeader(
                "traceparent", equalTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRetryIsToldWithItsDelay(Mode mode) throws Exception {
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("429")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "250"))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("429")
            .whenScenarioStateIs("ok")
            .willReturn(TestServers.okJson(Fixtures.WITH_MESSAGES)));

    mode.run(client.conversations().retrieve(ID));

    OperationEnd end = listener.awaitEnd();
    assertEquals(
        List.of(
            "start retrieve GET conv_01JJ model=null streaming=false",
            "attempt 0",
            "attempt 0 ended 429 retry in 250",
            "attempt 1",
            "attempt 1 ended 200",
            "end ok after 2"),
        listener.told);
    assertNull(end.error());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anErrorStatusEndsWithTheTypedException(Mode mode) throws Exception {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(TestServers.errorJson(404, Fixtures.NOT_FOUND)));

    assertThrows(NotFoundException.class, () -> mode.run(client.conversations().retrieve(ID)));

    assertInstanceOf(NotFoundException.class, listener.awaitEnd().error());
  }

  @Test
  void aFutureEndsOnceAndAConnectionFailureIsAnAttemptWithoutResponse() throws Exception {
    server.stubFor(
        get(urlPathEqualTo("/v2/conversations/"))
            .willReturn(
                aResponse()
                    .withFault(
                        com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    try (OrqClient once = client.newBuilder().maxRetries(0).build()) {
      assertThrows(
          Exception.class,
          () -> once.conversations().list().executeAsync().get(10, TimeUnit.SECONDS));
    }

    listener.awaitEnd();
    assertEquals("start list GET null model=null streaming=false", listener.told.get(0));
    assertTrue(listener.told.get(2).startsWith("attempt 0 ended 0 "), listener.told.toString());
    assertEquals("end OrqIoException after 1", listener.told.get(3));
  }

  @Test
  void aCanceledCallEndsOnceAsACancel() throws Exception {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(TestServers.okJson(Fixtures.WITH_MESSAGES).withFixedDelay(5_000)));
    OrqCall<?> call = client.conversations().retrieve(ID);
    java.util.concurrent.CompletableFuture<?> future = call.executeAsync();
    Thread.sleep(200);

    call.cancel();

    assertThrows(Exception.class, () -> future.get(10, TimeUnit.SECONDS));
    assertInstanceOf(OrqCanceledException.class, listener.awaitEnd().error());
  }

  @Test
  void aStreamIsToldItsStartAndEnd() throws Exception {
    server.stubFor(
        post(urlEqualTo(STREAM_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody("data: [DONE]\n\n")));

    try (StreamResponse<ResponseEvent> events =
        client.conversations().createConversationResponse(ID, StreamRetryTest.request())) {
      events.forEach(event -> {});
    }

    listener.awaitEnd();
    assertEquals(
        List.of(
            "start createConversationResponse POST conv_01JJ model=openai/gpt-4o streaming=true",
            "attempt 0",
            "attempt 0 ended 200",
            "end ok after 1"),
        listener.told);
  }

  @Test
  void aStreamClosedWithTheClientEndsOnce() throws Exception {
    server.stubFor(
        post(urlEqualTo(STREAM_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody("data: [DONE]\n\n")));
    StreamResponse<ResponseEvent> events =
        client.conversations().createConversationResponse(ID, StreamRetryTest.request());
    events.head(); // started, not read

    client.close();
    events.close();

    OperationEnd end = listener.awaitEnd();
    assertEquals("The client is closed", end.error().getMessage());
  }

  @Test
  void aDeadlineEndsTheCallOnce() throws Exception {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(TestServers.okJson(Fixtures.WITH_MESSAGES).withFixedDelay(5_000)));
    try (OrqClient hurried =
        OrqClient.builder()
            .apiKey(TestServers.API_KEY)
            .baseUrl(TestServers.baseUrl(server))
            .deadline(Duration.ofMillis(300))
            .addListener(listener)
            .build()) {
      assertThrows(OrqTimeoutException.class, () -> hurried.conversations().retrieve(ID).execute());
    }

    assertInstanceOf(OrqTimeoutException.class, listener.awaitEnd().error());
  }

  @Test
  void aListenerThatThrowsEverywhereBreaksNothing() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(TestServers.okJson(Fixtures.WITH_MESSAGES)));
    OrqListener.Operation throwing =
        new OrqListener.Operation() {
          @Override
          public void onAttemptStart(AttemptStart attempt) {
            attempt.setHeader("Authorization", "Bearer stolen"); // refused: only the SDK sets it
          }

          @Override
          public void onAttemptEnd(AttemptEnd attempt) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void onEnd(OperationEnd end) {
            throw new IllegalStateException("listener bug");
          }
        };
    List<String> started = new CopyOnWriteArrayList<>();
    try (OrqClient observed =
        client
            .newBuilder()
            .addListener(
                start -> {
                  throw new IllegalStateException("listener bug");
                })
            .addListener(start -> throwing)
            .addListener(
                start -> {
                  started.add(start.operationName());
                  return null; // as NONE
                })
            .build()) {

      assertEquals(ID, observed.conversations().retrieve(ID).execute().getId());
    }

    assertEquals(List.of("retrieve"), started);
    server.verify(
        getRequestedFor(urlEqualTo(PATH))
            .withHeader("Authorization", equalTo("Bearer " + TestServers.API_KEY)));
  }

  /**
   * A context of the caller's, as a tracer keeps one: captured at the start, restored in callbacks.
   */
  private static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();

  private static final OrqListener PROPAGATING =
      start -> {
        String captured = CONTEXT.get();
        return new OrqListener.Operation() {
          @Override
          public Runnable wrapCallback(Runnable callback) {
            return () -> {
              String previous = CONTEXT.get();
              CONTEXT.set(captured);
              try {
                callback.run();
              } finally {
                CONTEXT.set(previous);
              }
            };
          }
        };
      };

  @Test
  void theCallersContextIsCurrentInCallbacksFutureStagesAndStreamHandlers() throws Exception {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(TestServers.okJson(Fixtures.WITH_MESSAGES)));
    server.stubFor(
        post(urlEqualTo(STREAM_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody("data: [DONE]\n\n")));
    List<String> seen = new CopyOnWriteArrayList<>();
    try (OrqClient traced = client.newBuilder().addListener(PROPAGATING).build()) {
      CONTEXT.set("request-42");
      try {
        java.util.concurrent.CompletableFuture<String> stage =
            traced
                .conversations()
                .retrieve(ID)
                .executeAsync()
                .thenApply(
                    conversation -> CONTEXT.get() + " on " + Thread.currentThread().getName());
        java.util.concurrent.CountDownLatch called = new java.util.concurrent.CountDownLatch(1);
        traced
            .conversations()
            .retrieve(ID)
            .enqueue(
                new OrqCallback<ai.orq.sdk.model.ConversationWithMessages>() {
                  @Override
                  public void onSuccess(
                      OrqCall<ai.orq.sdk.model.ConversationWithMessages> call,
                      OrqResponse<ai.orq.sdk.model.ConversationWithMessages> response) {
                    seen.add("callback " + CONTEXT.get());
                    called.countDown();
                  }

                  @Override
                  public void onFailure(
                      OrqCall<ai.orq.sdk.model.ConversationWithMessages> call,
                      ai.orq.sdk.errors.OrqException error) {
                    called.countDown();
                  }
                });
        assertTrue(called.await(10, TimeUnit.SECONDS));
        traced
            .conversations()
            .createConversationResponseAsync(ID, StreamRetryTest.request())
            .subscribe(
                new StreamHandler<ResponseEvent>() {
                  @Override
                  public void onOpen(OrqResponse<Void> head) {
                    seen.add("open " + CONTEXT.get());
                  }

                  @Override
                  public void onEvent(ResponseEvent event) {}

                  @Override
                  public void onComplete() {
                    seen.add("complete " + CONTEXT.get());
                  }
                })
            .onCompleteFuture()
            .get(10, TimeUnit.SECONDS);

        String inStage = stage.get(10, TimeUnit.SECONDS);
        assertTrue(inStage.startsWith("request-42 on "), inStage);
        assertTrue(
            !inStage.endsWith(Thread.currentThread().getName()),
            "ran on an SDK thread: " + inStage);
      } finally {
        CONTEXT.remove();
      }
    }
    assertEquals(List.of("callback request-42", "open request-42", "complete request-42"), seen);
  }

  @Test
  void setHeaderNamesTheRefusedArgument() {
    AttemptStart attempt =
        new AttemptStart(
            0,
            new okhttp3.Request.Builder().url("http://127.0.0.1/").build(),
            new okhttp3.Request.Builder().url("http://127.0.0.1/"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> attempt.setHeader("authorization", "x"));
    assertTrue(e.getMessage().startsWith("name:"), e.getMessage());
    assertThrows(NullPointerException.class, () -> attempt.setHeader("x-trace", null));
  }

  @Test
  void anUnstartedStreamClosedIsNoOperation() {
    client.conversations().createConversationResponse(ID, StreamRetryTest.request()).close();
    assertEquals(List.of(), listener.told, "nothing was sent, so nothing started");
  }
}
