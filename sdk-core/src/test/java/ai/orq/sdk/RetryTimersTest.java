package ai.orq.sdk;

import static ai.orq.sdk.TestServers.errorJson;
import static ai.orq.sdk.TestServers.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.orq.sdk.errors.OrqIoException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client's retry timers against a loopback server: closing the client wakes every waiting call
 * whatever the interleaving, a cancelled timer leaves the queue, and an idle client holds no
 * scheduler thread.
 */
class RetryTimersTest {
  private static final String PATH = "/v2/conversations/conv_1";

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private static OrqClient.Builder client(ScheduledThreadPoolExecutor scheduler) {
    return OrqClient.builder()
        .apiKey(TestServers.API_KEY)
        .baseUrl(TestServers.baseUrl(server))
        .scheduler(scheduler);
  }

  /** The close slips in after a retry's timer was created and before it reached the queue. */
  @Test
  void aCloseThatMissesARetryBeingScheduledStillFailsTheCall() throws Exception {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(errorJson(503, "")));
    for (Mode mode : Mode.values()) {
      LateTimerScheduler scheduler = new LateTimerScheduler();
      OrqClient closing = client(scheduler).build();
      scheduler.closeClient = closing::close;

      CompletableFuture<Object> call =
          CompletableFuture.supplyAsync(() -> mode.run(closing.conversations().retrieve("conv_1")));

      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () -> call.get(10, TimeUnit.SECONDS),
              mode + ": the call must end, not wait forever");
      assertInstanceOf(OrqIoException.class, e.getCause());
      assertEquals("The client is closed", e.getCause().getMessage());
    }
  }

  @Test
  void closingTheClientWhileManyCallsRetryEndsEveryOne() throws Exception {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(errorJson(503, "").withHeader("retry-after-ms", "1")));
    Random random = new Random(20261127L);
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      closeManyTimes(random, callers);
    } finally {
      callers.shutdownNow();
    }
  }

  private static void closeManyTimes(Random random, ExecutorService callers) throws Exception {
    for (int round = 0; round < 20; round++) {
      OrqClient closing =
          OrqClient.builder()
              .apiKey(TestServers.API_KEY)
              .baseUrl(TestServers.baseUrl(server))
              .maxRetries(1_000)
              .build();
      List<CompletableFuture<?>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(closing.conversations().retrieve("conv_1").executeAsync());
        calls.add(
            CompletableFuture.supplyAsync(
                () -> closing.conversations().retrieve("conv_1").execute(), callers));
      }
      Thread.sleep(random.nextInt(30));

      closing.close();

      for (CompletableFuture<?> call : calls) {
        ExecutionException e =
            assertThrows(
                ExecutionException.class,
                () -> call.get(10, TimeUnit.SECONDS),
                "round " + round + ": every call ends once the client is closed");
        assertInstanceOf(OrqIoException.class, e.getCause());
      }
    }
  }

  @Test
  void aCancelledRetryTimerLeavesTheQueue() throws Exception {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(errorJson(503, "").withHeader("Retry-After", "30")));
    ScheduledThreadPoolExecutor scheduler = TestServers.scheduler("test-timers");
    try (OrqClient waiting = client(scheduler).build()) {
      CompletableFuture<?> call = waiting.conversations().retrieve("conv_1").executeAsync();
      TestServers.await(() -> scheduler.getQueue().size() == 1);

      call.cancel(true);

      // The call may still be handing its wake-up over when it is canceled; then its own thread
      // removes the timer a moment later. A timer left queued would stay for its 30 s.
      TestServers.await(() -> scheduler.getQueue().isEmpty());
    }
  }

  @Test
  void anIdleClientThatIsNeverClosedHoldsNoSchedulerThread() throws Exception {
    server.stubFor(
        get(urlEqualTo(PATH))
            .withHeader("X-Orq-Retry-Count", equalTo("0"))
            .willReturn(errorJson(503, "").withHeader("retry-after-ms", "1")));
    server.stubFor(
        get(urlEqualTo(PATH))
            .withHeader("X-Orq-Retry-Count", equalTo("1"))
            .willReturn(okJson(Fixtures.WITH_MESSAGES)));
    ScheduledThreadPoolExecutor scheduler = TestServers.scheduler("test-idle");
    OrqClient neverClosed = client(scheduler).build();

    neverClosed.conversations().retrieve("conv_1").execute();
    assertEquals(1, scheduler.getLargestPoolSize(), "the retry ran on the scheduler's thread");

    TestServers.await(() -> scheduler.getPoolSize() == 0);
  }

  /**
   * Loses the race a real scheduler can lose: the client closes after a retry's timer was created
   * but before the timer reached the queue, so the close drains a queue without it, and the
   * executor then cancels the late timer (as {@code ScheduledThreadPoolExecutor} does).
   */
  private static final class LateTimerScheduler extends ScheduledThreadPoolExecutor {
    volatile Runnable closeClient;

    LateTimerScheduler() {
      super(1, TestServers.daemon("late-timer-scheduler"));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      ScheduledFuture<?> timer = super.schedule(command, delay, unit);
      remove((Runnable) timer);
      closeClient.run();
      timer.cancel(false);
      return timer;
    }
  }
}
