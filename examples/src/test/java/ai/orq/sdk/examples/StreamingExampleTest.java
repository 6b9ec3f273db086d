package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.streaming.AssembledResponse;
import ai.orq.sdk.testing.OrqLocalServerTest;
import org.junit.jupiter.api.Test;

@OrqLocalServerTest
final class StreamingExampleTest {
  private final Output output = new Output();

  @Test
  void printsTheStreamedReplyThenAssemblesTheNextOne(OrqClient client) {
    AssembledResponse answer =
        StreamingExample.run(client, "test-project", "openai/gpt-4o-mini", output.stream);

    assertEquals("You said: And in Porto?", answer.text());
    assertEquals(FinishReason.STOP, answer.finishReason());
    // the local server counts words: 3 in the question, 5 in the answer
    assertEquals(3L, answer.usage().getPromptTokens());
    assertEquals(5L, answer.usage().getCompletionTokens());
    assertEquals(8L, answer.usage().getTotalTokens());
    assertTrue(
        output
            .text()
            .matches(
                "request id req_\\w+\n"
                    + "You said: Suggest three things to do in Lisbon\n"
                    + "finish reason: stop\n"
                    + "You said: And in Porto\\?\n"
                    + "8 tokens, finish reason stop\n"),
        output.text());
    assertTrue(client.conversations().list().execute().getData().isEmpty(), "deleted at the end");
  }
}
