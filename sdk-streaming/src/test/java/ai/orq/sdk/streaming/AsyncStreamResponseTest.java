package ai.orq.sdk.streaming;

import static ai.orq.sdk.streaming.Fixtures.CONVERSATION_ID;
import static ai.orq.sdk.streaming.Fixtures.RESPONSES_PATH;
import static ai.orq.sdk.streaming.Fixtures.request;
import static ai.orq.sdk.streaming.StreamResponseTest.STARTED;
import static ai.orq.sdk.streaming.StreamResponseTest.sse;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.errors.InvalidResponseException;
import ai.orq.sdk.errors.MalformedEventException;
import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.errors.StreamTruncatedException;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseStartedEvent;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The async stream against WireMock: the twins of {@link StreamResponseTest}. */
final class AsyncStreamResponseTest {
  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  @AutoClose private final OrqClient client = Fixtures.client(server);

  private AsyncStreamResponse<ResponseEvent> open() {
    return client.conversations().createConversationResponseAsync(CONVERSATION_ID, request());
  }

  static OrqException failureOf(CompletableFuture<Void> future) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    return assertInstanceOf(OrqException.class, e.getCause());
  }

  @Test
  void eventsArriveInOrderOnOkHttpsThreadThenCompletion() throws Exception {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse(Fixtures.recordedStreamText())));
    RecordingHandler handler = new RecordingHandler();
    AsyncStreamResponse<ResponseEvent> stream = open();
    assertFalse(stream.onCompleteFuture().isDone(), "nothing is sent before subscribe");
    assertSame(stream, stream.subscribe(handler));
    assertEquals(null, stream.onCompleteFuture().get(10, TimeUnit.SECONDS));
    handler.awaitTerminal();
    assertEquals(Fixtures.recordedEvents(), handler.events);
    assertEquals(1, handler.completions);
    assertEquals(0, handler.failures.size());
    assertTrue(
        handler.threads.stream().allMatch(name -> name.startsWith("OkHttp")),
        handler.threads.toString());
    stream.close(); // after the end: nothing happens
    assertEquals(0, handler.failures.size());
  }

  @Test
  void notFoundBeforeTheStreamFailsWithTheTypedError() throws Exception {
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":\"Conversation not found\"}")));
    RecordingHandler handler = new RecordingHandler();
    AsyncStreamResponse<ResponseEvent> stream = open().subscribe(handler);
    NotFoundException e = assertInstanceOf(NotFoundException.class, handler.onlyFailure());
    assertEquals("Conversation not found", e.errorMessage());
    assertSame(e, failureOf(stream.onCompleteFuture()));
    assertEquals(0, handler.events.size());
    server.verify(1, postRequestedFor(urlEqualTo(RESPONSES_PATH)));
  }

  @Test
  void unavailableThenSuccessIsRetried() throws Exception {
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .inScenario("retry")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503).withHeader("retry-after-ms", "0"))
            .willSetStateTo("recovered"));
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .inScenario("retry")
            .whenScenarioStateIs("recovered")
            .willReturn(sse("data: " + STARTED + "\n\ndata: [DONE]\n\n")));
    RecordingHandler handler = new RecordingHandler();
    open().subscribe(handler).onCompleteFuture().get(10, TimeUnit.SECONDS);
    assertEquals(1, handler.events.size());
    assertInstanceOf(ResponseStartedEvent.class, handler.events.get(0));
    server.verify(2, postRequestedFor(urlEqualTo(RESPONSES_PATH)));
  }

  @Test
  void aSuccessThatIsNotAnEventStreamFails() throws Exception {
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{}")));
    RecordingHandler handler = new RecordingHandler();
    open().subscribe(handler);
    assertInstanceOf(InvalidResponseException.class, handler.onlyFailure());
  }

  @Test
  void malformedEventDataFailsAfterTheEventsBeforeIt() throws Exception {
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .willReturn(sse("data: " + STARTED + "\n\ndata: {not json\n\ndata: [DONE]\n\n")));
    RecordingHandler handler = new RecordingHandler();
    AsyncStreamResponse<ResponseEvent> stream = open().subscribe(handler);
    MalformedEventException e =
        assertInstanceOf(MalformedEventException.class, handler.onlyFailure());
    assertEquals("{not json", e.rawData());
    assertEquals(1, handler.events.size());
    assertSame(e, failureOf(stream.onCompleteFuture()));
  }

  @Test
  void aStreamEndingWithoutDoneFailsAsTruncated() throws Exception {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse("data: " + STARTED + "\n\n")));
    RecordingHandler handler = new RecordingHandler();
    open().subscribe(handler);
    assertEquals(
        1,
        assertInstanceOf(StreamTruncatedException.class, handler.onlyFailure()).eventsReceived());
    server.verify(1, postRequestedFor(urlEqualTo(RESPONSES_PATH)));
  }

  @Test
  void subscribeIsAllowedOnce() {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse("data: [DONE]\n\n")));
    AsyncStreamResponse<ResponseEvent> stream = open();
    assertThrows(NullPointerException.class, () -> stream.subscribe(null));
    stream.subscribe(new RecordingHandler());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> stream.subscribe(new RecordingHandler()));
    assertEquals("Already subscribed.", e.getMessage());
    stream.onCompleteFuture().join();
  }

  @Test
  void closeBeforeSubscribeSendsNothingAndFailsAsCanceled() throws Exception {
    AsyncStreamResponse<ResponseEvent> stream = open();
    stream.close();
    stream.close();
    assertInstanceOf(OrqCanceledException.class, failureOf(stream.onCompleteFuture()));
    RecordingHandler handler = new RecordingHandler();
    stream.subscribe(handler);
    assertInstanceOf(OrqCanceledException.class, handler.onlyFailure());
    assertEquals(0, server.findAll(postRequestedFor(urlEqualTo(RESPONSES_PATH))).size());
    assertTrue(stream.toString().contains("closed=true"));
  }

  @Test
  void aHandlerThatThrowsEndsTheStreamWithItsException() throws Exception {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse(Fixtures.recordedStreamText())));
    IllegalArgumentException bug = new IllegalArgumentException("bug in the handler");
    RecordingHandler handler =
        new RecordingHandler() {
          @Override
          public void onEvent(ResponseEvent event) {
            super.onEvent(event);
            throw bug;
          }
        };
    AsyncStreamResponse<ResponseEvent> stream = open().subscribe(handler);
    OrqException failure = handler.onlyFailure();
    assertSame(bug, failure.getCause());
    assertEquals(1, handler.events.size());
    assertSame(failure, failureOf(stream.onCompleteFuture()));
  }

  @Test
  void anOrqExceptionFromTheHandlerIsPassedOnAsIs() throws Exception {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse(Fixtures.recordedStreamText())));
    OrqException stop = new OrqException("stop here");
    RecordingHandler handler =
        new RecordingHandler() {
          @Override
          public void onEvent(ResponseEvent event) {
            throw stop;
          }
        };
    open().subscribe(handler);
    assertSame(stop, handler.onlyFailure());
  }

  @Test
  void aConnectionThatCannotBeMadeFails() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (OrqClient offline = Fixtures.client("http://127.0.0.1:" + port)) {
      RecordingHandler handler = new RecordingHandler();
      offline
          .conversations()
          .createConversationResponseAsync(CONVERSATION_ID, request())
          .withOptions(RequestOptions.builder().maxRetries(0).build())
          .subscribe(handler);
      OrqIoException e = assertInstanceOf(OrqIoException.class, handler.onlyFailure());
      assertInstanceOf(java.io.IOException.class, e.getCause());
    }
  }
}
