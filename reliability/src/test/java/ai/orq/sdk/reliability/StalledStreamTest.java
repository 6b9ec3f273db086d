package ai.orq.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamHandler;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqTimeoutException;
import ai.orq.sdk.model.ResponseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault WireMock cannot make (it holds back the head of a dribbled response): a stream whose
 * head and first events arrive, then nothing more while the connection stays open. The idle timeout
 * must end it with {@link OrqTimeoutException}, after the events that did arrive, and it must not
 * be retried (the server has taken the message), with retries on. Blocking and async.
 */
class StalledStreamTest {
  static final Duration TIMEOUT = Duration.ofMillis(1000);

  private ServerSocket serverSocket;
  private final AtomicInteger requests = new AtomicInteger();
  private Thread acceptor;

  @BeforeEach
  void start() throws IOException {
    serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::serve, "stalling-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws IOException {
    serverSocket.close();
  }

  private void serve() {
    while (true) {
      try {
        Socket socket = serverSocket.accept();
        Thread connection = new Thread(() -> stall(socket), "stalling-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  /**
   * Reads the request head, sends the response head and two events, then waits for the client to
   * leave.
   */
  private void stall(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      int matched = 0;
      byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
      while (matched < end.length) {
        int b = in.read();
        if (b == -1) {
          return;
        }
        matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
      }
      requests.incrementAndGet();
      String events = Bodies.EVENTS.substring(0, nthEventEnd(Bodies.EVENTS, 2));
      byte[] chunk = events.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("HTTP/1.1 200 OK\r\n"
                  + "Content-Type: text/event-stream\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n"
                  + Integer.toHexString(chunk.length)
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(chunk);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.setSoTimeout(30_000);
      while (in.read() != -1) {
        // the request body, then nothing until the client gives up and closes
      }
    } catch (IOException e) {
      // client gone
    }
  }

  private static int nthEventEnd(String sse, int n) {
    int at = 0;
    for (int i = 0; i < n; i++) {
      at = sse.indexOf("\n\n", at) + 2;
    }
    return at;
  }

  private OrqClient client() {
    return OrqClient.builder()
        .apiKey("test-key")
        .baseUrl("http://127.0.0.1:" + serverSocket.getLocalPort())
        .maxRetries(2)
        .timeout(TIMEOUT)
        .build();
  }

  @Test
  void blockingStreamThatStallsEndsWithTimeoutAfterItsEventsAndIsNotRetried() {
    List<ResponseEvent> events = new CopyOnWriteArrayList<>();
    try (OrqClient client = client()) {
      OrqTimeoutException e =
          assertThrows(
              OrqTimeoutException.class,
              () ->
                  assertTimeoutPreemptively(
                      Duration.ofSeconds(20),
                      () -> {
                        try (StreamResponse<ResponseEvent> stream =
                            client
                                .conversations()
                                .createConversationResponse(Bodies.ID, Operation.streamRequest())) {
                          for (ResponseEvent event : stream) {
                            events.add(event);
                          }
                        }
                      }));
      assertTrue(e.getMessage().contains("idle"), e.getMessage());
    }
    assertEquals(((List<?>) Operation.STREAM.expected(Support.sdkGson())).subList(0, 2), events);
    assertEquals(1, requests.get(), "a started stream must not be retried");
  }

  @Test
  void asyncStreamThatStallsEndsWithTimeoutAfterItsEventsAndIsNotRetried() throws Exception {
    List<ResponseEvent> events = new CopyOnWriteArrayList<>();
    CompletableFuture<OrqException> failure = new CompletableFuture<>();
    try (OrqClient client = client()) {
      CompletableFuture<Void> done =
          client
              .conversations()
              .createConversationResponseAsync(Bodies.ID, Operation.streamRequest())
              .subscribe(
                  new StreamHandler<ResponseEvent>() {
                    @Override
                    public void onEvent(ResponseEvent event) {
                      events.add(event);
                    }

                    @Override
                    public void onComplete() {
                      failure.complete(null);
                    }

                    @Override
                    public void onFailure(OrqException error) {
                      failure.complete(error);
                    }
                  })
              .onCompleteFuture();
      OrqException error = failure.get(20, TimeUnit.SECONDS);
      assertEquals(
          OrqTimeoutException.class,
          error == null ? null : error.getClass(),
          String.valueOf(error));
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> done.get(5, TimeUnit.SECONDS));
      assertEquals(error, e.getCause());
    }
    assertEquals(((List<?>) Operation.STREAM.expected(Support.sdkGson())).subList(0, 2), events);
    assertEquals(1, requests.get(), "a started stream must not be retried");
  }
}
