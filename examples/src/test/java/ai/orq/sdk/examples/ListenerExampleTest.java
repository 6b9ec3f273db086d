package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.testing.OrqLocalServerTest;
import org.junit.jupiter.api.Test;

@OrqLocalServerTest
final class ListenerExampleTest {
  private final Output output = new Output();

  @Test
  void logsOneLinePerOperation(OrqClient client) {
    ListenerExample.run(client, "test-project", "openai/gpt-4o-mini", output.stream);

    assertTrue(
        output
            .text()
            .matches(
                "create ok in \\d+ ms, 1 attempt\\(s\\)\n"
                    + "createConversationResponse ok in \\d+ ms, 1 attempt\\(s\\), \\d+ tokens\n"
                    + "delete ok in \\d+ ms, 1 attempt\\(s\\)\n"),
        output.text());
  }
}
