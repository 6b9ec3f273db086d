package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.testing.OrqLocalServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class WalkthroughExampleTest {
  private static final long TOKEN_DELAY_MILLIS = 25;

  @RegisterExtension
  final OrqLocalServerExtension orq =
      OrqLocalServerExtension.builder()
          .server(server -> server.tokenDelay(Duration.ofMillis(TOKEN_DELAY_MILLIS)))
          .build();

  private final Output output = new Output();

  @Test
  void runsAllSevenOperationsInOrder() {
    String reply =
        WalkthroughExample.run(orq.client(), "test-project", "openai/gpt-4o-mini", output.stream);

    String expectedReply =
        "You said: " + WalkthroughExample.QUESTION; // the local server's deterministic answer
    assertEquals(expectedReply, reply);
    String text = "\n" + output.text();
    int last = -1;
    String[] steps = {
      "1. create ",
      "2. generateName ",
      "3. update ",
      "4. list ",
      "5. createConversationResponse ",
      "6. retrieve ",
      "7. delete "
    };
    for (String step : steps) {
      int at = text.indexOf("\n" + step);
      assertTrue(at > last, "missing or out of order: " + step + " in\n" + text);
      last = at;
    }
    assertTrue(text.contains("-> conv_"), text);
    assertTrue(text.contains(step(2, "generateName", "\"Planning a weekend in Lisbon in\"")), text);
    assertTrue(text.contains(step(3, "update", "\"Lisbon weekend\"")), text);
    assertTrue(
        text.contains(
            step(4, "list", "1 on the first page, newest \"Lisbon weekend\", has_more false")),
        text);
    assertTrue(text.contains("   assistant: " + expectedReply + "\n"), text);
    assertTrue(text.contains("   (stop, "), text);
    assertTrue(text.contains(step(6, "retrieve", "\"Lisbon weekend\" with 2 messages")), text);
    assertTrue(
        text.contains(
            "   user: " + WalkthroughExample.QUESTION + "\n   assistant: " + expectedReply),
        text);
    assertTrue(text.contains(step(7, "delete", "HTTP 204")), text);
    assertTrue(
        orq.client().conversations().list().execute().getData().isEmpty(), "deleted at the end");
  }

  @Test
  void printsTheReplyAsItArrivesNotAtTheEnd() {
    WalkthroughExample.run(orq.client(), "test-project", "openai/gpt-4o-mini", output.stream);

    // The words of the reply are written one by one, spread over the time the server takes.
    List<Output.Write> words = new ArrayList<>();
    boolean inReply = false;
    for (Output.Write write : output.writes()) {
      if (write.text.equals("   assistant: ")) {
        inReply = true;
      } else if (inReply && write.text.trim().isEmpty()) {
        break;
      } else if (inReply) {
        words.add(write);
      }
    }
    String expectedReply = "You said: " + WalkthroughExample.QUESTION;
    int wordCount = expectedReply.split(" ").length;
    assertEquals(wordCount, words.size(), "one write per streamed word");
    assertEquals("You ", words.get(0).text);
    long spreadMillis =
        TimeUnit.NANOSECONDS.toMillis(words.get(words.size() - 1).nanos - words.get(0).nanos);
    assertTrue(
        spreadMillis >= (wordCount - 1) * TOKEN_DELAY_MILLIS * 3 / 4,
        "words printed within " + spreadMillis + " ms: not as they arrived");
  }

  private static String step(int number, String operation, String result) {
    return String.format("%d. %-27s -> %s", number, operation, result);
  }
}
