package ai.orq.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.model.Conversation;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.CreateConversationRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Load through one client against the local server: 10,000 sequential calls, then 2,000 async calls
 * in flight at once, with zero failures; afterwards, closing the client leaves no OkHttp thread, no
 * retry-scheduler thread and no connection behind. Connections are counted twice: in the client's
 * own pool, and in the kernel's table of established loopback sockets to the server.
 */
class LoadTest {
  static final int SEQUENTIAL = 10_000;
  static final int CONCURRENT = 2_000;
  static final int SEQUENTIAL_STREAMS = 500;
  static final int CONCURRENT_STREAMS = 100;
  static final int CLIENTS = 100;

  @Test
  void manyCallsThroughOneClientThenNoLeakedThreadsOrConnections() {
    assertTimeoutPreemptively(Duration.ofMinutes(2), this::run);
  }

  private void run() throws Exception {
    try (LocalOrqServer server = startServer()) {
      int port = portOf(server);
      List<String> threadsBefore = clientThreads();
      int socketsBefore = Connections.established(port);

      OrqClient client = clientOf(server);
      OkHttpClient http = Connections.okHttpClientOf(client);

      // 10,000 sequential calls: create, then retrieve what was created
      String lastId = null;
      for (int i = 0; i < SEQUENTIAL; i++) {
        if (i % 2 == 0) {
          Conversation created =
              client
                  .conversations()
                  .create(
                      CreateConversationRequest.builder()
                          .projectId("proj_load")
                          .displayName("Load " + i)
                          .build())
                  .execute();
          assertEquals("Load " + i, created.getDisplayName());
          lastId = created.getId();
        } else {
          ConversationWithMessages got = client.conversations().retrieve(lastId).execute();
          assertEquals(lastId, got.getId());
        }
      }

      // 2,000 async calls in flight at once
      AtomicInteger failures = new AtomicInteger();
      List<CompletableFuture<?>> calls = new ArrayList<>();
      String id = lastId;
      for (int i = 0; i < CONCURRENT; i++) {
        CompletableFuture<?> call =
            i % 2 == 0
                ? client
                    .conversations()
                    .create(CreateConversationRequest.builder().projectId("proj_load").build())
                    .executeAsync()
                    .thenAccept(c -> assertNotNull(c.getId()))
                : client
                    .conversations()
                    .retrieve(id)
                    .executeAsync()
                    .thenAccept(c -> assertEquals(id, c.getId()));
        calls.add(
            call.whenComplete(
                (ok, error) -> {
                  if (error != null) {
                    failures.incrementAndGet();
                    error.printStackTrace();
                  }
                }));
      }
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0]))
          .exceptionally(e -> null)
          .get(90, TimeUnit.SECONDS);
      assertEquals(0, failures.get(), "failed calls");

      int pooled = http.connectionPool().connectionCount();
      int open = Connections.established(port) - socketsBefore;
      List<String> threadsDuring = clientThreads();
      client.close();

      int pooledAfter = http.connectionPool().connectionCount();
      List<String> threadsAfter = awaitThreads(threadsBefore, Duration.ofSeconds(10));
      int openAfter = awaitSockets(port, socketsBefore, Duration.ofSeconds(10)) - socketsBefore;
      System.out.printf(
          "LoadTest: before close %d pooled connections, %d established sockets, threads %s%n",
          pooled, open, threadsDuring);
      System.out.printf(
          "LoadTest: after close %d pooled connections, %d established sockets, threads %s%n",
          pooledAfter, openAfter, threadsAfter);
      assertEquals(0, pooledAfter, "connections left in the client's pool after close");
      if (open >= 0) { // -1: the kernel table is not readable here
        assertEquals(0, Math.max(openAfter, 0), "established client sockets left after close");
      }
      assertEquals(threadsBefore, threadsAfter, "client threads left after close");
      assertTrue(
          Support.threadsNamed("orq-retry-scheduler").isEmpty(), "retry scheduler thread left");
    }
  }

  @Test
  void manyStreamsThroughOneClientThenNoLeakedThreadsOrConnections() {
    assertTimeoutPreemptively(
        Duration.ofMinutes(2),
        () -> {
          try (LocalOrqServer server = startServer()) {
            int port = portOf(server);
            List<String> threadsBefore = clientThreads();
            int socketsBefore = Connections.established(port);
            OrqClient client = clientOf(server);
            OkHttpClient http = Connections.okHttpClientOf(client);
            String id =
                client
                    .conversations()
                    .create(CreateConversationRequest.builder().projectId("p").build())
                    .execute()
                    .getId();

            for (int i = 0; i < SEQUENTIAL_STREAMS; i++) {
              assertEquals(
                  "You said: blocking stream " + i,
                  Replies.blocking(client, id, "blocking stream " + i));
            }
            List<CompletableFuture<String>> replies = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_STREAMS; i++) {
              replies.add(Replies.async(client, id, "async stream " + i));
            }
            for (int i = 0; i < CONCURRENT_STREAMS; i++) {
              assertEquals("You said: async stream " + i, replies.get(i).get(60, TimeUnit.SECONDS));
            }
            client.close();

            assertEquals(
                0, http.connectionPool().connectionCount(), "pooled connections after close");
            assertEquals(
                threadsBefore,
                awaitThreads(threadsBefore, Duration.ofSeconds(10)),
                "threads after close");
            if (socketsBefore >= 0) {
              assertEquals(
                  socketsBefore,
                  awaitSockets(port, socketsBefore, Duration.ofSeconds(10)),
                  "established client sockets after close");
            }
          }
        });
  }

  @Test
  void manyClientsOpenedAndClosedLeaveNothingBehind() {
    assertTimeoutPreemptively(
        Duration.ofMinutes(2),
        () -> {
          try (LocalOrqServer server = startServer()) {
            int port = portOf(server);
            List<String> threadsBefore = clientThreads();
            int socketsBefore = Connections.established(port);
            for (int i = 0; i < CLIENTS; i++) {
              try (OrqClient client = clientOf(server)) {
                String id =
                    client
                        .conversations()
                        .create(CreateConversationRequest.builder().projectId("p").build())
                        .execute()
                        .getId();
                assertEquals("You said: client " + i, Replies.blocking(client, id, "client " + i));
                assertEquals(
                    "You said: async " + i,
                    Replies.async(client, id, "async " + i).get(30, TimeUnit.SECONDS));
              }
            }
            assertEquals(
                threadsBefore,
                awaitThreads(threadsBefore, Duration.ofSeconds(10)),
                "threads after close");
            if (socketsBefore >= 0) {
              assertEquals(
                  socketsBefore,
                  awaitSockets(port, socketsBefore, Duration.ofSeconds(10)),
                  "established client sockets after " + CLIENTS + " clients were closed");
            }
          }
        });
  }

  private static LocalOrqServer startServer() {
    return LocalOrqServer.builder().apiKey("load-key").build().start();
  }

  /** The port in the server's base URL, {@code http://127.0.0.1:PORT/}. */
  private static int portOf(LocalOrqServer server) {
    return Integer.parseInt(server.baseUrl().replaceAll(".*:(\\d+)/$", "$1"));
  }

  private static OrqClient clientOf(LocalOrqServer server) {
    return OrqClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).build();
  }

  /**
   * Threads a client owns: OkHttp's dispatcher and connection threads and the SDK's retry
   * scheduler. OkHttp's process-wide "TaskRunner" threads and Okio's watchdog are shared by all
   * clients, idle out after 60 s and are not counted.
   */
  static List<String> clientThreads() {
    List<String> threads = new ArrayList<>();
    for (String name : Support.threadsNamed("okhttp")) {
      if (!name.contains("TaskRunner")) {
        threads.add(name);
      }
    }
    threads.addAll(Support.threadsNamed("orq-retry-scheduler"));
    return threads;
  }

  private static List<String> awaitThreads(List<String> expected, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    List<String> now = clientThreads();
    while (!now.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      now = clientThreads();
    }
    return now;
  }

  private static int awaitSockets(int port, int expected, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    int now = Connections.established(port);
    while (now > expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
      now = Connections.established(port);
    }
    return now;
  }
}
