package ai.orq.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.OrqResponse;
import ai.orq.sdk.StreamHandler;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.model.ResponseEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Point 8 of issue 22: what a user of a stream needs beside its events. The status, headers and
 * request id of a successful stream before its first event ({@code head()}, {@code onOpen}), the
 * async form's handler on an executor of the user's, and a stream dropped unclosed that still gets
 * its connection closed. Before the fix there was no head and no executor form, and a dropped
 * stream's connection stayed open for as long as the server kept it (here, past the 10 s bound).
 */
class HostileStreamHeadTest {
  private static final String HEAD =
      "HTTP/1.1 200 OK\r\nConnection: close\r\n"
          + "Content-Type: text/event-stream\r\nx-request-id: req_stream_1\r\n\r\n";

  private final CountDownLatch releaseEvents = new CountDownLatch(1);
  private final CountDownLatch connectionClosed = new CountDownLatch(1);
  private HostileServer server;
  private OrqClient client;

  @AfterEach
  void stop() throws IOException {
    releaseEvents.countDown();
    client.close();
    server.close();
  }

  @Test
  void aBlockingStreamsHeadArrivesBeforeItsFirstEvent() throws Exception {
    serveHeadThenEventsOnRelease();
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(Bodies.ID, Operation.streamRequest())) {
      OrqResponse<Void> head = stream.head(); // no event has been sent yet

      assertEquals(200, head.statusCode());
      assertEquals("req_stream_1", head.requestId());
      assertEquals("text/event-stream", head.headers().get("Content-Type"));
      assertSame(head, stream.head(), "asked again, the same head, without another request");
      releaseEvents.countDown();
      assertEquals(5, count(stream.iterator()), "the iteration goes on from the head");
    }
    assertEquals(1, server.requests().size());
  }

  @Test
  void aFailedStreamsHeadThrowsWhatTheIterationThrows() throws Exception {
    server =
        new HostileServer(
            (request, out) -> {
              String body = "{\"code\":404,\"error\":\"Conversation not found\"}";
              HostileServer.write(
                  out,
                  "HTTP/1.1 404 Not Found\r\nConnection: close\r\nx-request-id: req_404\r\n"
                      + "Content-Type: application/json\r\nContent-Length: "
                      + body.length()
                      + "\r\n\r\n"
                      + body);
            });
    client = Hostile.client(server, b -> b);
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(Bodies.ID, Operation.streamRequest())) {
      NotFoundException head = assertThrows(NotFoundException.class, stream::head);
      NotFoundException iteration =
          assertThrows(NotFoundException.class, () -> count(stream.iterator()));

      assertEquals("req_404", head.requestId());
      assertSame(head, iteration);
    }
    assertEquals(
        1, server.requests().size(), "one request, not one for the head and one for the events");
  }

  @Test
  void anAsyncStreamOpensBeforeItsFirstEvent() throws Exception {
    serveHeadThenEventsOnRelease();
    List<String> calls = new CopyOnWriteArrayList<>();
    AsyncStreamResponse<ResponseEvent> stream =
        client
            .conversations()
            .createConversationResponseAsync(Bodies.ID, Operation.streamRequest());

    stream
        .subscribe(
            new StreamHandler<ResponseEvent>() {
              @Override
              public void onOpen(OrqResponse<Void> head) {
                calls.add("open " + head.statusCode() + " " + head.requestId());
                releaseEvents.countDown(); // the server sends the events only now
              }

              @Override
              public void onEvent(ResponseEvent event) {
                calls.add(event.getType().toString());
              }

              @Override
              public void onComplete() {
                calls.add("complete");
              }
            })
        .onCompleteFuture()
        .get(Hostile.BOUND.toSeconds(), TimeUnit.SECONDS);

    assertEquals(
        List.of(
            "open 200 req_stream_1",
            "response.started",
            "part.delta",
            "part.delta",
            "part.delta",
            "response.done",
            "complete"),
        calls);
  }

  @Test
  void anAsyncStreamsHandlerRunsOnTheGivenExecutorOneCallAtATime() throws Exception {
    serveHeadThenEventsOnRelease();
    releaseEvents.countDown();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            runnable -> {
              Thread thread = new Thread(runnable, "user-executor");
              thread.setDaemon(true);
              return thread;
            });
    List<String> calls = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    int[] inside = {0};
    StreamHandler<ResponseEvent> handler =
        new StreamHandler<ResponseEvent>() {
          @Override
          public void onOpen(OrqResponse<Void> head) {
            record("open");
          }

          @Override
          public void onEvent(ResponseEvent event) {
            record(event.getType().toString());
          }

          @Override
          public void onComplete() {
            record("complete");
          }

          private void record(String call) {
            synchronized (inside) {
              assertEquals(0, inside[0]++, "one call at a time");
            }
            try {
              Thread.sleep(20); // a slow handler: the next call must still wait for this one
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            calls.add(call);
            threads.add(Thread.currentThread().getName());
            synchronized (inside) {
              inside[0]--;
            }
          }
        };
    try {
      client
          .conversations()
          .createConversationResponseAsync(Bodies.ID, Operation.streamRequest())
          .subscribe(handler, executor)
          .onCompleteFuture()
          .get(Hostile.BOUND.toSeconds(), TimeUnit.SECONDS);
    } finally {
      executor.shutdown();
    }

    assertEquals(
        List.of(
            "open",
            "response.started",
            "part.delta",
            "part.delta",
            "part.delta",
            "response.done",
            "complete"),
        calls);
    assertEquals(List.of("user-executor"), threads.stream().distinct().toList());
  }

  @Test
  void anExecutorThatRefusesEndsTheStreamAndItsFuture() throws Exception {
    serveHeadThenEventsOnRelease();
    releaseEvents.countDown();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    executor.shutdown();

    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                client
                    .conversations()
                    .createConversationResponseAsync(Bodies.ID, Operation.streamRequest())
                    .subscribe(event -> {}, executor)
                    .onCompleteFuture()
                    .get(Hostile.BOUND.toSeconds(), TimeUnit.SECONDS));

    OrqException failure = assertInstanceOf(OrqException.class, e.getCause());
    assertInstanceOf(RejectedExecutionException.class, failure.getCause());
    assertTrue(connectionClosed.await(10, TimeUnit.SECONDS), "the stream's connection is closed");
  }

  @Test
  void aStreamDroppedUnclosedHasItsConnectionClosed() throws Exception {
    server =
        new HostileServer(
            (request, out) -> {
              if (request.method().equals("GET")) {
                HostileServer.write(
                    out,
                    "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
                        + "Content-Length: "
                        + Bodies.WITH_MESSAGES.length()
                        + "\r\n\r\n"
                        + Bodies.WITH_MESSAGES);
              } else {
                HostileServer.write(
                    out, HEAD + Bodies.EVENTS.substring(0, Bodies.EVENTS.indexOf("\n\n") + 2));
                pingUntilClosed(out);
              }
            });
    client = Hostile.client(server, b -> b);
    readOneEventAndDrop();

    for (int round = 0; round < 100 && connectionClosed.getCount() > 0; round++) {
      System.gc();
      client.conversations().retrieve(Bodies.ID).execute(); // the client uses itself, and looks
      connectionClosed.await(100, TimeUnit.MILLISECONDS);
    }

    assertEquals(0, connectionClosed.getCount(), "the dropped stream's connection was closed");
  }

  @Test
  void theHeadOfAStreamThatWasNeverStartedAndIsClosedIsACancel() throws Exception {
    serveHeadThenEventsOnRelease();
    StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(Bodies.ID, Operation.streamRequest());
    stream.close();

    assertInstanceOf(OrqCanceledException.class, Hostile.failure(stream::head));
    assertEquals(0, server.requests().size(), "no request was sent");
  }

  /** Opens a stream and reads one event, then leaves it unclosed and unreachable. */
  private void readOneEventAndDrop() {
    StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(Bodies.ID, Operation.streamRequest());
    Iterator<ResponseEvent> events = stream.iterator();
    assertTrue(events.next().isResponseStarted());
  }

  /** The head at once; the events when released; then pings until the client closes. */
  private void serveHeadThenEventsOnRelease() throws IOException {
    server =
        new HostileServer(
            (request, out) -> {
              HostileServer.write(out, HEAD);
              if (releaseEvents.await(30, TimeUnit.SECONDS)) {
                HostileServer.write(out, Bodies.EVENTS);
              }
              pingUntilClosed(out);
            });
    client = Hostile.client(server, b -> b);
  }

  /** Writes an SSE comment every 20 ms until the client has closed the connection. */
  private void pingUntilClosed(OutputStream out) throws InterruptedException {
    try {
      for (int i = 0; i < 1_000; i++) {
        out.write(": ping\n\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(20);
      }
    } catch (IOException e) {
      connectionClosed.countDown();
    }
  }

  private static int count(Iterator<ResponseEvent> events) {
    int count = 0;
    for (; events.hasNext(); events.next()) {
      count++;
    }
    return count;
  }
}
