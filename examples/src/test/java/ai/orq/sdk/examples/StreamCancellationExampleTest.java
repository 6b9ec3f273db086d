package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.Conversations;
import ai.orq.sdk.testing.OrqLocalServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class StreamCancellationExampleTest {
  private static final String MODEL = "openai/gpt-4o-mini";

  /** The local server's reply, one streamed piece per word. */
  private static final int REPLY_WORDS =
      ("You said: " + StreamCancellationExample.LONG_REQUEST).split(" ").length;

  @RegisterExtension
  final OrqLocalServerExtension orq =
      OrqLocalServerExtension.builder()
          .server(server -> server.tokenDelay(Duration.ofMillis(40)))
          .build();

  private final Output output = new Output();
  private Conversations conversations;
  private String conversationId;

  @BeforeEach
  void createConversation() {
    conversations = orq.client().conversations();
    conversationId = Fixtures.newConversation(conversations);
  }

  @Test
  void leavingTheLoopStopsAfterThePiecesWanted() {
    int read =
        StreamCancellationExample.stopAfter(conversations, conversationId, MODEL, 3, output.stream);

    assertEquals(3, read);
    assertEquals("You said: Tell \n", output.text());
    assertTrue(REPLY_WORDS > 20, "the reply is long: " + REPLY_WORDS);
  }

  @Test
  void closingFromAnotherThreadStopsTheReaderEarly() {
    long start = System.nanoTime();
    int read =
        StreamCancellationExample.closeFromAnotherThread(
            conversations, conversationId, MODEL, Duration.ofMillis(300), output.stream);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertTrue(read < REPLY_WORDS, "read " + read + " of " + REPLY_WORDS + " pieces");
    assertTrue(millis < REPLY_WORDS * 40, "took " + millis + " ms, as long as the whole reply");
    assertTrue(output.text().contains("\nstopped: "), output.text());
  }

  @Test
  void runDoesBothAndCleansUp() {
    StreamCancellationExample.run(orq.client(), "test-project", MODEL, output.stream);

    String text = output.text();
    assertTrue(text.contains("left the loop after 5 pieces of text"), text);
    assertTrue(text.contains("stopped: "), text);
    assertEquals(
        1,
        conversations.list().execute().getData().size(),
        "only the test's own conversation is left");
  }
}
