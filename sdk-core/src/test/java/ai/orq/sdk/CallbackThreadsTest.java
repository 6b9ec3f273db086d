package ai.orq.sdk;

import static ai.orq.sdk.TestServers.errorJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On which threads callbacks run, as {@link OrqCallback} documents, and interrupts. */
class CallbackThreadsTest {
  private static final String PATH = "/v2/conversations/conv_1";

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  /** Records the thread of the one callback. */
  private static final class Recorder implements OrqCallback<Object> {
    final CompletableFuture<String> thread = new CompletableFuture<>();

    @Override
    public void onSuccess(OrqCall<Object> call, OrqResponse<Object> response) {
      thread.complete(Thread.currentThread().getName());
    }

    @Override
    public void onFailure(OrqCall<Object> call, OrqException error) {
      thread.complete(Thread.currentThread().getName());
    }
  }

  @SuppressWarnings("unchecked")
  private static OrqCall<Object> retrieve(OrqClient client) {
    return (OrqCall<Object>) (OrqCall<?>) client.conversations().retrieve("conv_1");
  }

  @Test
  void anAnswerArrivesOnAnOkHttpThreadAndAClosedClientFailsOnTheClosingThread() throws Exception {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(errorJson(503, "").withHeader("Retry-After", "30")));
    ScheduledThreadPoolExecutor scheduler = TestServers.scheduler("test-threads");
    OrqClient client =
        OrqClient.builder()
            .apiKey(TestServers.API_KEY)
            .baseUrl(TestServers.baseUrl(server))
            .scheduler(scheduler)
            .build();
    Recorder waiting = new Recorder();
    retrieve(client).enqueue(waiting);
    TestServers.await(() -> scheduler.getQueue().size() == 1); // the retry waits 30 s

    Thread closer = new Thread(client::close, "the-closer");
    closer.start();
    closer.join(10_000);

    assertEquals("the-closer", waiting.thread.get(10, TimeUnit.SECONDS));
    Recorder afterClose = new Recorder();
    retrieve(client).enqueue(afterClose);
    assertEquals(
        Thread.currentThread().getName(),
        afterClose.thread.get(10, TimeUnit.SECONDS),
        "a closed client fails on the thread that enqueues");
  }

  @Test
  void anInterruptedCallerGetsACancelNotARetryOrATimeout() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(errorJson(200, Fixtures.WITH_MESSAGES)));
    try (OrqClient client =
        OrqClient.builder()
            .apiKey(TestServers.API_KEY)
            .baseUrl(TestServers.baseUrl(server))
            .maxRetries(0)
            .build()) {
      Thread.currentThread().interrupt();
      OrqException e;
      try {
        e =
            assertThrows(
                OrqException.class, () -> client.conversations().retrieve("conv_1").execute());
      } finally {
        Thread.interrupted();
      }
      assertInstanceOf(OrqCanceledException.class, e);
      assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
    }
  }
}
