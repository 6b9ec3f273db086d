package ai.orq.sdk.streaming;

import static ai.orq.sdk.streaming.Fixtures.CONVERSATION_ID;
import static ai.orq.sdk.streaming.Fixtures.RESPONSES_PATH;
import static ai.orq.sdk.streaming.Fixtures.request;
import static ai.orq.sdk.streaming.StreamResponseTest.STARTED;
import static ai.orq.sdk.streaming.StreamResponseTest.sse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.StreamTruncatedException;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.observe.OperationEnd;
import ai.orq.sdk.observe.OperationStart;
import ai.orq.sdk.observe.OrqListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an {@code OrqListener} is told of a stream's events and its end, blocking and async: each
 * event before the caller gets it, and one end with what the events said (response id, model,
 * finish reason, usage), or with the typed failure, or a cancel.
 */
final class StreamListenerTest {
  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  private final List<String> told = new CopyOnWriteArrayList<>();
  private final List<OperationEnd> ends = new CopyOnWriteArrayList<>();
  private final OrqListener listener =
      new OrqListener() {
        @Override
        public Operation onStart(OperationStart start) {
          return new Operation() {
            @Override
            public void onEvent(ResponseEvent event) {
              told.add(event.getType().toString());
            }

            @Override
            public void onEnd(OperationEnd end) {
              ends.add(end);
            }
          };
        }
      };

  @AutoClose
  private final OrqClient client =
      Fixtures.client(server).newBuilder().addListener(listener).build();

  private OperationEnd theEnd() throws InterruptedException {
    for (int i = 0; i < 500 && ends.isEmpty(); i++) {
      Thread.sleep(10);
    }
    assertEquals(1, ends.size(), () -> "ends: " + ends);
    return ends.get(0);
  }

  @Test
  void aWholeStreamIsToldEventByEventThenItsResponse() throws Exception {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse(Fixtures.recordedStreamText())));
    List<String> read = new CopyOnWriteArrayList<>();

    try (StreamResponse<ResponseEvent> events =
        client.conversations().createConversationResponse(CONVERSATION_ID, request())) {
      for (ResponseEvent event : events) {
        assertEquals(
            read.size() + 1, told.size(), "the listener is told before the caller gets it");
        read.add(event.getType().toString());
      }
    }

    OperationEnd end = theEnd();
    assertEquals(read, told);
    assertNull(end.error());
    assertEquals(read.size(), end.events());
    assertEquals("resp_01", end.responseId());
    assertEquals(FinishReason.STOP, end.finishReason());
    assertTrue(end.usage().getTotalTokens() > 0);
    assertEquals(1, end.attempts());
  }

  @Test
  void anAsyncStreamEndsOnceWithItsResponse() throws Exception {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse(Fixtures.recordedStreamText())));

    client
        .conversations()
        .createConversationResponseAsync(CONVERSATION_ID, request())
        .subscribe(event -> {})
        .onCompleteFuture()
        .get(10, TimeUnit.SECONDS);

    OperationEnd end = theEnd();
    assertNull(end.error());
    assertEquals("resp_01", end.responseId());
    assertEquals(told.size(), end.events());
  }

  @Test
  void aTruncatedStreamEndsWithItsFailure() throws Exception {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse("data: " + STARTED + "\n\n")));

    assertThrows(StreamTruncatedException.class, () -> Fixtures.readAll(client, request()));

    OperationEnd end = theEnd();
    assertInstanceOf(StreamTruncatedException.class, end.error());
    assertEquals(1, end.events());
    assertEquals("resp_01", end.responseId());
    assertEquals("openai/gpt-4o", end.responseModel());
  }

  @Test
  void aStreamClosedMidwayEndsOnceAsACancel() throws Exception {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse(Fixtures.recordedStreamText())));

    try (StreamResponse<ResponseEvent> events =
        client.conversations().createConversationResponse(CONVERSATION_ID, request())) {
      Iterator<ResponseEvent> each = events.iterator();
      each.next();
      each.next();
    } // closed after two events

    OperationEnd end = theEnd();
    assertInstanceOf(OrqCanceledException.class, end.error());
    assertEquals("The stream was closed after 2 event(s)", end.error().getMessage());
    assertEquals(2, end.events());
  }

  @Test
  void anAsyncHandlerThatThrowsEndsTheStreamWithItsFailure() throws Exception {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse(Fixtures.recordedStreamText())));

    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                client
                    .conversations()
                    .createConversationResponseAsync(CONVERSATION_ID, request())
                    .subscribe(
                        event -> {
                          throw new IllegalStateException("handler bug");
                        })
                    .onCompleteFuture()
                    .get(10, TimeUnit.SECONDS));

    assertEquals(e.getCause(), theEnd().error());
  }
}
