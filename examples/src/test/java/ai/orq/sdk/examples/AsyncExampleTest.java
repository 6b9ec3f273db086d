package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class AsyncExampleTest {
  @AutoClose private final ExampleEnvironment env = ExampleEnvironment.local(Duration.ofMillis(5));
  private final Output output = new Output();

  @Test
  void composesFuturesCallsBackAndStreamsToAHandler() throws InterruptedException {
    String reply = AsyncExample.run(env.client(), "test-project", "openai/gpt-4o-mini", output.stream);

    assertEquals("You said: What should I pack?", reply);
    assertEquals(
        "executeAsync: created 3 conversations concurrently\n"
            + "thenCompose:  created and retrieved \"Async\"\n"
            + "enqueue:      HTTP 200, 4 conversations on the first page\n"
            + "handler:      You said: What should I pack?\n"
            + "executeAsync: deleted 4 conversations\n",
        output.text());
    assertTrue(env.client().conversations().list().execute().getData().isEmpty(), "deleted at the end");
  }
}
