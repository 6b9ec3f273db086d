package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.testing.OrqLocalServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class AsyncExampleTest {
  @RegisterExtension
  final OrqLocalServerExtension orq =
      OrqLocalServerExtension.builder()
          .server(server -> server.tokenDelay(Duration.ofMillis(5)))
          .build();

  private final Output output = new Output();

  @Test
  void composesFuturesCallsBackAndStreamsToAHandler() throws InterruptedException {
    String reply =
        AsyncExample.run(orq.client(), "test-project", "openai/gpt-4o-mini", output.stream);

    assertEquals("You said: What should I pack?", reply);
    assertEquals(
        "executeAsync: created 3 conversations concurrently\n"
            + "thenCompose:  created and retrieved \"Async\"\n"
            + "enqueue:      HTTP 200, 4 conversations on the first page\n"
            + "handler:      You said: What should I pack?\n"
            + "executeAsync: deleted 4 conversations\n",
        output.text());
    assertTrue(
        orq.client().conversations().list().execute().getData().isEmpty(), "deleted at the end");
  }
}
