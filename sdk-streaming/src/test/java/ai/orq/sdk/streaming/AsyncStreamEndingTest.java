package ai.orq.sdk.streaming;

import static ai.orq.sdk.streaming.Fixtures.CONVERSATION_ID;
import static ai.orq.sdk.streaming.Fixtures.request;
import static ai.orq.sdk.streaming.LoopbackStreamTest.delta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.model.ResponseEvent;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How an async stream ends when its handler throws an {@code Error}, and when its future, or the
 * future of {@link ResponseAccumulator#assemble(AsyncStreamResponse)}, is cancelled: over the raw
 * loopback server, each with exactly one terminal signal and no hang.
 */
final class AsyncStreamEndingTest {
  private LoopbackServer server;
  private OrqClient client;

  private AsyncStreamResponse<ResponseEvent> serve(LoopbackServer.Script script) throws Exception {
    server = new LoopbackServer(script);
    client = Fixtures.client(server.url());
    return client.conversations().createConversationResponseAsync(CONVERSATION_ID, request());
  }

  @AfterEach
  void tearDown() throws Exception {
    Fixtures.close(client, server);
  }

  /**
   * A server that sends one event and then nothing until the client goes away (a write failing
   * because the client went away early counts too).
   */
  private static void oneEventThenWait(LoopbackServer.Exchange exchange, CountDownLatch clientGone)
      throws Exception {
    try {
      exchange.startEvents().event(delta(1));
      exchange.awaitClientGone(30_000);
    } finally {
      clientGone.countDown();
    }
  }

  @Test
  void anErrorThrownByTheHandlerEndsTheStreamWithOneFailure() throws Exception {
    AsyncStreamResponse<ResponseEvent> stream =
        serve(
            exchange -> {
              exchange.startEvents().event(delta(1)).event(delta(2)).event("[DONE]").end();
            });
    AssertionError thrown = new AssertionError("a failed assertion in the user's handler");
    RecordingHandler handler =
        new RecordingHandler() {
          @Override
          public void onEvent(ResponseEvent event) {
            super.onEvent(event);
            throw thrown;
          }
        };

    stream.subscribe(handler);

    OrqException failure = handler.onlyFailure();
    assertSame(thrown, failure.getCause());
    assertEquals(1, handler.events.size(), "no event after the handler failed");
    ExecutionException e =
        assertThrows(
            ExecutionException.class, () -> stream.onCompleteFuture().get(10, TimeUnit.SECONDS));
    assertSame(failure, e.getCause());
  }

  @Test
  void anErrorThrownByTheHandlerFailsTheAssembledFuture() throws Exception {
    AsyncStreamResponse<ResponseEvent> stream =
        serve(
            exchange -> {
              exchange.startEvents().event(delta(1)).event("[DONE]").end();
            });
    CompletableFuture<AssembledResponse> assembled =
        ResponseAccumulator.assemble(new ThrowingOnFirstEvent(stream));

    ExecutionException e =
        assertThrows(ExecutionException.class, () -> assembled.get(10, TimeUnit.SECONDS));
    assertInstanceOf(StackOverflowError.class, e.getCause().getCause());
  }

  @Test
  void cancellingTheStreamsFutureStopsTheHttpStream() throws Exception {
    CountDownLatch clientGone = new CountDownLatch(1);
    AsyncStreamResponse<ResponseEvent> stream =
        serve(exchange -> oneEventThenWait(exchange, clientGone));
    RecordingHandler handler = new RecordingHandler();
    stream.subscribe(handler);
    assertTrue(handler.firstEvent.await(10, TimeUnit.SECONDS));

    assertTrue(stream.onCompleteFuture().cancel(true));

    assertTrue(clientGone.await(10, TimeUnit.SECONDS), "the server saw the connection close");
    handler.onlyFailure();
    assertTrue(stream.onCompleteFuture().isCancelled());
  }

  @Test
  void cancellingTheAssembledFutureStopsTheHttpStream() throws Exception {
    CountDownLatch clientGone = new CountDownLatch(1);
    AsyncStreamResponse<ResponseEvent> stream =
        serve(exchange -> oneEventThenWait(exchange, clientGone));
    CompletableFuture<AssembledResponse> assembled = ResponseAccumulator.assemble(stream);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.requestCount() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    assertTrue(assembled.cancel(true));

    assertTrue(clientGone.await(10, TimeUnit.SECONDS), "the server saw the connection close");
    assertThrows(CancellationException.class, assembled::join);
    assertThrows(
        ExecutionException.class, () -> stream.onCompleteFuture().get(10, TimeUnit.SECONDS));
  }

  /** Passes the stream through, with a handler whose first event throws an {@code Error}. */
  private static final class ThrowingOnFirstEvent implements AsyncStreamResponse<ResponseEvent> {
    private final AsyncStreamResponse<ResponseEvent> stream;

    ThrowingOnFirstEvent(AsyncStreamResponse<ResponseEvent> stream) {
      this.stream = stream;
    }

    @Override
    public AsyncStreamResponse<ResponseEvent> subscribe(
        ai.orq.sdk.StreamHandler<ResponseEvent> handler) {
      stream.subscribe(throwingOnFirstEvent(handler));
      return this;
    }

    @Override
    public AsyncStreamResponse<ResponseEvent> subscribe(
        ai.orq.sdk.StreamHandler<ResponseEvent> handler, java.util.concurrent.Executor executor) {
      stream.subscribe(throwingOnFirstEvent(handler), executor);
      return this;
    }

    private static ai.orq.sdk.StreamHandler<ResponseEvent> throwingOnFirstEvent(
        ai.orq.sdk.StreamHandler<ResponseEvent> handler) {
      return new ai.orq.sdk.StreamHandler<ResponseEvent>() {
        @Override
        public void onEvent(ResponseEvent event) {
          throw new StackOverflowError("out of stack in the user's code");
        }

        @Override
        public void onComplete() {
          handler.onComplete();
        }

        @Override
        public void onFailure(OrqException error) {
          handler.onFailure(error);
        }
      };
    }

    @Override
    public CompletableFuture<Void> onCompleteFuture() {
      return stream.onCompleteFuture();
    }

    @Override
    public AsyncStreamResponse<ResponseEvent> withOptions(ai.orq.sdk.RequestOptions options) {
      return new ThrowingOnFirstEvent(stream.withOptions(options));
    }

    @Override
    public void close() {
      stream.close();
    }
  }
}
