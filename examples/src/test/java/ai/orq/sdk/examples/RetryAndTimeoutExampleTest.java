package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.testing.OrqLocalServerTest;
import org.junit.jupiter.api.Test;

@OrqLocalServerTest
final class RetryAndTimeoutExampleTest {
  private final Output output = new Output();

  @Test
  void twoFailedAttemptsAreRetriedAndTheThirdSucceeds(OrqClient client) {
    assertEquals(3, RetryAndTimeoutExample.flakyGateway(client, output.stream));

    assertEquals(
        "   attempt 1 (X-Orq-Retry-Count 0): 503, retry after 100 ms\n"
            + "   attempt 2 (X-Orq-Retry-Count 1): 503, retry after 100 ms\n"
            + "   attempt 3 (X-Orq-Retry-Count 2): passed to the server\n",
        output.text());
  }

  @Test
  void aSilentServerTimesOutOnEveryAttempt(OrqClient client) {
    long start = System.nanoTime();
    assertEquals(
        2, RetryAndTimeoutExample.silentServer(client, output.stream), "one try and one retry");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertTrue(output.text().startsWith("   OrqTimeoutException after "), output.text());
    assertTrue(millis >= 600, "two attempts of 300 ms took " + millis + " ms");
    assertTrue(millis < 10_000, "took " + millis + " ms");
  }

  @Test
  void runShowsEveryKindOfConfiguration(OrqClient client) {
    RetryAndTimeoutExample.run(client, output.stream);

    String text = output.text();
    assertTrue(
        text.contains("per-call options: listed 0 conversations, no retries, 5 s timeout\n"), text);
    assertTrue(text.contains("flaky gateway: succeeded on attempt 3\n"), text);
    assertTrue(text.contains("silent server: gave up after 2 attempts\n"), text);
    assertTrue(text.endsWith("own OkHttpClient: used, then shut down by its owner\n"), text);
  }
}
