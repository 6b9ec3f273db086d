package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.testing.OrqLocalServerTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

@OrqLocalServerTest
final class PagingExampleTest {
  private final Output output = new Output();

  @Test
  void seesEveryConversationNewestFirstOnEachWay(OrqClient client) {
    List<String> created =
        PagingExample.seed(client.conversations(), "test-project", 25, output.stream);

    List<String> listed = PagingExample.run(client, output.stream);

    List<String> newestFirst = new ArrayList<>(created);
    Collections.reverse(newestFirst);
    assertEquals(newestFirst, listed);
    assertEquals(
        "created 25 conversations to page through\n"
            + "page 1: 10 conversations, from \"Conversation #25\" to \"Conversation #16\"\n"
            + "page 2: 10 conversations, from \"Conversation #15\" to \"Conversation #6\"\n"
            + "page 3: 5 conversations, from \"Conversation #5\" to \"Conversation #1\"\n"
            + "by hand: 25 conversations in 3 pages\n"
            + "listAll: 25 conversations; the newest three: [Conversation #25, Conversation #24,"
            + " Conversation #23]\n",
        output.text());
  }

  @Test
  void noConversationsIsOneEmptyPage(OrqClient client) {
    assertTrue(PagingExample.run(client, output.stream).isEmpty());
    assertTrue(
        output.text().startsWith("page 1: 0 conversations\nby hand: 0 conversations in 1 pages\n"),
        output.text());
  }
}
