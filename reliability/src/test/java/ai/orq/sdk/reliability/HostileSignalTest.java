package ai.orq.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqCall;
import ai.orq.sdk.OrqCallback;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.OrqResponse;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.streaming.ResponseAccumulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Point 5 of issue 22: exactly one terminal signal on every async path, whatever is thrown, and an
 * {@code Error} passed on after it. The answer's body throws an {@link OutOfMemoryError} when read,
 * as a large body under a small heap does (an interceptor swaps the body, so that the test needs no
 * small heap). Before the fix, an async call's future never completed and its callback never ran;
 * an async stream signalled, but swallowed the {@code Error}.
 */
class HostileSignalTest {
  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
  private Thread.UncaughtExceptionHandler previous;
  private HostileServer server;
  private OrqClient client;

  @BeforeEach
  void start() throws IOException {
    previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
    server =
        new HostileServer(
            (request, out) -> {
              boolean get = request.method().equals("GET");
              String body = get ? Bodies.WITH_MESSAGES : Bodies.EVENTS;
              HostileServer.write(
                  out,
                  "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: "
                      + (get ? "application/json" : "text/event-stream")
                      + "\r\nContent-Length: "
                      + body.getBytes(StandardCharsets.UTF_8).length
                      + "\r\n\r\n"
                      + body);
            });
    client = Hostile.client(server, b -> b.addInterceptor(outOfMemoryOnRead()));
  }

  @AfterEach
  void stop() throws IOException {
    Thread.setDefaultUncaughtExceptionHandler(previous);
    client.close();
    server.close();
  }

  @Test
  void anAsyncCallsFutureFailsAndTheErrorIsPassedOn() throws Exception {
    OrqException e =
        Hostile.failure(
            () ->
                client
                    .conversations()
                    .retrieve(Bodies.ID)
                    .executeAsync()
                    .get(10, TimeUnit.SECONDS));

    assertInstanceOf(OutOfMemoryError.class, e.getCause());
    assertPassedOn();
  }

  @Test
  void anEnqueuedCallGetsOneFailure() throws Exception {
    List<String> signals = new CopyOnWriteArrayList<>();
    client
        .conversations()
        .retrieve(Bodies.ID)
        .enqueue(
            new OrqCallback<ConversationWithMessages>() {
              @Override
              public void onSuccess(
                  OrqCall<ConversationWithMessages> call, OrqResponse<ConversationWithMessages> r) {
                signals.add("success");
              }

              @Override
              public void onFailure(OrqCall<ConversationWithMessages> call, OrqException error) {
                signals.add("failure: " + error.getCause().getClass().getSimpleName());
              }
            });

    assertPassedOn();
    Thread.sleep(200);
    assertEquals(List.of("failure: OutOfMemoryError"), signals);
  }

  @Test
  void anAsyncStreamAndItsAssemblyFailOnceAndTheErrorIsPassedOn() throws Exception {
    OrqException e =
        Hostile.failure(
            () ->
                ResponseAccumulator.assemble(
                        client
                            .conversations()
                            .createConversationResponseAsync(Bodies.ID, Operation.streamRequest()))
                    .get(10, TimeUnit.SECONDS));

    assertInstanceOf(OutOfMemoryError.class, e.getCause());
    assertPassedOn();
  }

  /** The Error reached the thread that read the answer (OkHttp's), after the signal. */
  private void assertPassedOn() throws InterruptedException {
    for (int i = 0; i < 100 && uncaught.isEmpty(); i++) {
      Thread.sleep(20);
    }
    assertEquals(1, uncaught.size(), "the Error reached OkHttp's thread: " + uncaught);
    assertTrue(uncaught.get(0) instanceof OutOfMemoryError, uncaught.get(0)::toString);
  }

  /** Swaps each 2xx body for one that runs out of memory when read. */
  private static Interceptor outOfMemoryOnRead() {
    return chain -> {
      okhttp3.Response response = chain.proceed(chain.request());
      ResponseBody original = response.body();
      return response
          .newBuilder()
          .body(
              new ResponseBody() {
                @Override
                public MediaType contentType() {
                  return original.contentType();
                }

                @Override
                public long contentLength() {
                  return -1;
                }

                @Override
                public BufferedSource source() {
                  throw new OutOfMemoryError("simulated: the body does not fit in the heap");
                }

                @Override
                public void close() {
                  original.close();
                }
              })
          .build();
    };
  }
}
