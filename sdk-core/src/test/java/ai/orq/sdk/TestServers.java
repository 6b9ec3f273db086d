package ai.orq.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.internal.RetryTimer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** WireMock on loopback and clients pointed at it. */
final class TestServers {
  static final String API_KEY = "sk-test-SECRET-4242";

  private TestServers() {}

  /** Makes daemon threads named {@code name}, as the client's own retry scheduler does. */
  static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A retry scheduler like the client's own, to look into. */
  static ScheduledThreadPoolExecutor scheduler(String name) {
    return (ScheduledThreadPoolExecutor) RetryTimer.newScheduler(name);
  }

  static WireMockExtension wireMock() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
        .build();
  }

  static String baseUrl(WireMockExtension server) {
    return "http://127.0.0.1:" + server.getPort();
  }

  /**
   * A client for {@code server} whose retry delays are recorded by {@code scheduler} but not
   * waited.
   */
  static OrqClient.Builder client(WireMockExtension server, RecordingScheduler scheduler) {
    return OrqClient.builder().apiKey(API_KEY).baseUrl(baseUrl(server)).scheduler(scheduler);
  }

  /** A JSON response with a request id, as the server sends them. */
  static ResponseDefinitionBuilder okJson(String body) {
    return errorJson(200, body);
  }

  static ResponseDefinitionBuilder errorJson(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-request-id", "req_123")
        .withBody(body);
  }

  /** Waits up to 10 s for {@code condition}; fails the test if it never holds. */
  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
      Thread.sleep(10);
    }
  }

  static List<LoggedRequest> requests(WireMockExtension server) {
    return server.findAll(anyRequestedFor(anyUrl()));
  }
}
