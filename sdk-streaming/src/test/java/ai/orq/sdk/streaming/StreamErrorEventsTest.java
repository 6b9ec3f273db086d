package ai.orq.sdk.streaming;

import static ai.orq.sdk.streaming.Fixtures.CONVERSATION_ID;
import static ai.orq.sdk.streaming.Fixtures.request;
import static ai.orq.sdk.streaming.LoopbackStreamTest.delta;
import static ai.orq.sdk.streaming.LoopbackStreamTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.MalformedEventException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.StreamErrorException;
import ai.orq.sdk.model.ResponseEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SSE frames that are not API events, over the raw loopback server, blocking and async: an {@code
 * event: error} surfaces the server's message as a {@link StreamErrorException}; a heartbeat with
 * non-JSON data and a comment are skipped.
 */
final class StreamErrorEventsTest {
  private LoopbackServer server;
  private OrqClient client;
  private final List<ResponseEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    Fixtures.close(client, server);
  }

  /**
   * Reads the whole stream into {@link #events}; returns its failure, or null when it completed.
   */
  private OrqException read(LoopbackServer.Script script, boolean async) throws Exception {
    server = new LoopbackServer(script);
    client = Fixtures.client(server.url());
    try {
      if (async) {
        client
            .conversations()
            .createConversationResponseAsync(CONVERSATION_ID, request())
            .subscribe(events::add)
            .onCompleteFuture()
            .get(20, TimeUnit.SECONDS);
      } else {
        try (StreamResponse<ResponseEvent> stream =
            client.conversations().createConversationResponse(CONVERSATION_ID, request())) {
          stream.forEach(events::add);
        }
      }
      return null;
    } catch (ExecutionException e) {
      return assertInstanceOf(OrqException.class, e.getCause());
    } catch (OrqException e) {
      return e;
    }
  }

  @ParameterizedTest(name = "async {0}")
  @ValueSource(booleans = {false, true})
  void anErrorEventSurfacesTheServersMessage(boolean async) throws Exception {
    OrqException failure =
        read(
            exchange ->
                exchange
                    .startEvents()
                    .event(delta(1))
                    .send("event: error\ndata: {\"message\":\"model overloaded\"}\n\n")
                    .end(),
            async);

    StreamErrorException e = assertInstanceOf(StreamErrorException.class, failure);
    assertEquals("model overloaded", e.errorMessage());
    assertEquals(1, e.eventsReceived());
    assertEquals(
        "The server reported an error in the stream after 1 event(s): model overloaded",
        e.getMessage());
    assertEquals(1, events.size());
  }

  @ParameterizedTest(name = "async {0}")
  @ValueSource(booleans = {false, true})
  void anErrorEventWithPlainTextKeepsTheText(boolean async) throws Exception {
    OrqException failure =
        read(
            exchange ->
                exchange.startEvents().send("event: error\ndata: upstream timed out\n\n").end(),
            async);

    assertEquals(
        "upstream timed out", assertInstanceOf(StreamErrorException.class, failure).errorMessage());
  }

  @ParameterizedTest(name = "async {0}")
  @ValueSource(booleans = {false, true})
  void heartbeatsAndCommentsAreSkipped(boolean async) throws Exception {
    OrqException failure =
        read(
            exchange ->
                exchange
                    .startEvents()
                    .send("event: heartbeat\ndata: ping\n\n")
                    .event(delta(1))
                    .send(": keep-alive\n\n")
                    .send("event: ping\ndata:\n\n")
                    .event(delta(2))
                    .event("[DONE]")
                    .end(),
            async);

    assertEquals(null, failure);
    assertEquals(
        List.of("token 1 ", "token 2 "), events.stream().map(LoopbackStreamTest::text).toList());
  }

  @ParameterizedTest(name = "async {0}")
  @ValueSource(booleans = {false, true})
  void aTypedEventIsDeliveredWhateverItsSseName(boolean async) throws Exception {
    OrqException failure =
        read(
            exchange ->
                exchange
                    .startEvents()
                    .send("event: error\ndata: " + delta(1) + "\n\n")
                    .event("[DONE]")
                    .end(),
            async);

    assertEquals(null, failure);
    assertEquals("token 1 ", text(events.get(0)));
  }

  @ParameterizedTest(name = "async {0}")
  @ValueSource(booleans = {false, true})
  void anUnnamedEventThatIsNotJsonIsStillMalformed(boolean async) throws Exception {
    OrqException failure = read(exchange -> exchange.startEvents().event("ping").end(), async);

    assertInstanceOf(MalformedEventException.class, failure);
    assertThrows(IndexOutOfBoundsException.class, () -> events.get(0));
  }
}
