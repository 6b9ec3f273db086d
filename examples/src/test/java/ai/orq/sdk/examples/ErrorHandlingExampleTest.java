package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.testing.OrqLocalServerTest;
import org.junit.jupiter.api.Test;

@OrqLocalServerTest
final class ErrorHandlingExampleTest {
  private final Output output = new Output();

  @Test
  void eachFailureArrivesAsItsTypedException(OrqClient client) {
    String notFound = ErrorHandlingExample.run(client, "test-project", output.stream);

    String id = ErrorHandlingExample.MISSING_ID;
    assertEquals("Conversation " + id + " not found", notFound, "the message of the 404 body");
    String[] lines = output.text().split("\n");
    assertEquals("404 NotFoundException: Conversation " + id + " not found", lines[0]);
    assertTrue(
        lines[1].matches(
            "    request id req_\\S+, raw body \\{\"message\":\"Conversation "
                + id
                + " not found\"}"),
        lines[1]);
    assertTrue(
        lines[2].matches(
            "400 BadRequestException: Conversation conv_\\S+ already has a display name: \"Already"
                + " named\""),
        lines[2]);
    assertTrue(
        lines[3].startsWith(
            "401 UnauthorizedException: HTTP 401 Unauthorized: Invalid API key (request id req_"),
        lines[3]);
    assertTrue(lines[4].startsWith("OrqIoException: "), lines[4]);
    assertEquals(5, lines.length, output.text());
    assertTrue(client.conversations().list().execute().getData().isEmpty(), "deleted at the end");
  }

  @Test
  void anExistingConversationIsSimplyFound(OrqClient client) {
    String id = Fixtures.newConversation(client.conversations());

    assertNull(ErrorHandlingExample.retrieveOrExplain(client.conversations(), id, output.stream));
    assertEquals("found \"Untitled\"\n", output.text());
  }
}
