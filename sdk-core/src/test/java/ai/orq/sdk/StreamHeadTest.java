package ai.orq.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.model.ResponseEvent;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stream's head (status, headers, request id before the first event), its handler on a user's
 * executor, and the safety net for a stream dropped unclosed. The events themselves are the
 * streaming module's: this module's test provider reads none.
 */
final class StreamHeadTest {
  private static final String ID = "conv_01JHEAD";
  private static final String PATH = "/v2/conversations/" + ID + "/responses";

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @AutoClose
  private final OrqClient client = TestServers.client(server, new RecordingScheduler()).build();

  @BeforeEach
  void stubStream() {
    server.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withHeader("x-request-id", "req_head")
                    .withBody("data: [DONE]\n\n")));
  }

  private StreamResponse<ResponseEvent> stream() {
    return client.conversations().createConversationResponse(ID, StreamRetryTest.request());
  }

  private AsyncStreamResponse<ResponseEvent> asyncStream() {
    return client.conversations().createConversationResponseAsync(ID, StreamRetryTest.request());
  }

  @Test
  void theHeadIsTheStreamsResponseAndSendsOneRequest() {
    try (StreamResponse<ResponseEvent> events = stream()) {
      OrqResponse<Void> head = events.head();

      assertEquals(200, head.statusCode());
      assertEquals("req_head", head.requestId());
      assertEquals(null, head.body());
      assertSame(head, events.head());
      assertEquals(false, events.iterator().hasNext(), "the iteration goes on from the head");
    }
    server.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void aFailedHeadIsWhatTheIterationThrows() {
    server.stubFor(
        post(urlEqualTo(PATH)).willReturn(TestServers.errorJson(404, "{\"message\":\"gone\"}")));
    try (StreamResponse<ResponseEvent> events = stream()) {
      NotFoundException head = assertThrows(NotFoundException.class, events::head);

      assertSame(head, assertThrows(NotFoundException.class, () -> events.iterator().hasNext()));
      assertSame(head, assertThrows(NotFoundException.class, events::head));
    }
    server.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void theHeadOfAStreamClosedBeforeItStartedIsACancel() {
    StreamResponse<ResponseEvent> events = stream();
    events.close();

    assertThrows(OrqCanceledException.class, events::head);
    server.verify(0, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void anAsyncStreamOpensWithItsHeadOnTheGivenExecutor() throws Exception {
    ExecutorService executor =
        Executors.newSingleThreadExecutor(TestServers.daemon("user-executor"));
    List<String> calls = new CopyOnWriteArrayList<>();
    try {
      asyncStream()
          .subscribe(
              new StreamHandler<ResponseEvent>() {
                @Override
                public void onOpen(OrqResponse<Void> head) {
                  calls.add("open " + head.requestId() + " on " + Thread.currentThread().getName());
                }

                @Override
                public void onEvent(ResponseEvent event) {
                  calls.add("event");
                }

                @Override
                public void onComplete() {
                  calls.add("complete on " + Thread.currentThread().getName());
                }
              },
              executor)
          .onCompleteFuture()
          .get(10, TimeUnit.SECONDS);
    } finally {
      executor.shutdown();
    }

    assertEquals(List.of("open req_head on user-executor", "complete on user-executor"), calls);
  }

  @Test
  void aHandlerThatThrowsInOnOpenEndsTheStream() {
    List<OrqException> failures = new CopyOnWriteArrayList<>();
    AsyncStreamResponse<ResponseEvent> stream =
        asyncStream()
            .subscribe(
                new StreamHandler<ResponseEvent>() {
                  @Override
                  public void onOpen(OrqResponse<Void> head) {
                    throw new IllegalStateException("not ready");
                  }

                  @Override
                  public void onEvent(ResponseEvent event) {}

                  @Override
                  public void onFailure(OrqException error) {
                    failures.add(error);
                  }
                });

    ExecutionException e =
        assertThrows(
            ExecutionException.class, () -> stream.onCompleteFuture().get(10, TimeUnit.SECONDS));
    assertEquals(
        "The StreamHandler failed: java.lang.IllegalStateException: not ready",
        e.getCause().getMessage());
    assertEquals(List.of(e.getCause()), failures);
  }

  @Test
  void anExecutorThatRefusesFailsTheFuture() {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    executor.shutdown();

    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                asyncStream()
                    .subscribe(event -> {}, executor)
                    .onCompleteFuture()
                    .get(10, TimeUnit.SECONDS));

    assertInstanceOf(RejectedExecutionException.class, e.getCause().getCause());
  }

  @Test
  void subscribingNeedsAnExecutorWhenOneIsAskedFor() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> asyncStream().subscribe(event -> {}, null));
    assertEquals("executor == null", e.getMessage());
  }

  @Test
  void aStreamDroppedUnclosedIsEndedWhenTheClientNextStartsAnOperation() throws Exception {
    server.stubFor(
        get(urlEqualTo("/v2/conversations/" + ID))
            .willReturn(TestServers.okJson(Fixtures.WITH_MESSAGES)));
    startAndDrop();
    assertEquals(1, client.context().operations().size(), "the started stream runs until closed");

    for (int round = 0; round < 50 && client.context().operations().size() > 0; round++) {
      System.gc();
      Thread.sleep(20);
      client.conversations().retrieve(ID).execute();
    }

    assertEquals(0, client.context().operations().size(), "the dropped stream was ended");
  }

  private void startAndDrop() {
    assertTrue(stream().head().statusCode() == 200);
  }
}
