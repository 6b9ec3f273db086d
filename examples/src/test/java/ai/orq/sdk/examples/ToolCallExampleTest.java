package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.RecordedRequest;
import ai.orq.sdk.testing.OrqLocalServerTest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@OrqLocalServerTest
final class ToolCallExampleTest {
  private final Output output = new Output();

  @Test
  void bindsTheArgumentsRunsTheToolAndSendsItsResultBack(LocalOrqServer server, OrqClient client)
      throws InterruptedException {
    ToolCallExample.script(server);
    Instant before = Instant.now();

    String answer =
        ToolCallExample.run(client, "test-project", "openai/gpt-4o-mini", output.stream);

    assertEquals("No rain: sunny both days.", answer);
    String[] lines = output.text().split("\n");
    assertEquals("user:      " + ToolCallExample.QUESTION, lines[0]);
    assertEquals(
        "assistant: Let me check the forecast. [get_weather: Lisbon, 2 days] (function_call)",
        lines[1]);
    assertEquals("assistant: No rain: sunny both days. (stop)", lines[2]);
    String[] roles = {"user", "assistant", "user", "assistant"};
    assertEquals(3 + roles.length, lines.length, output.text());
    for (int i = 0; i < roles.length; i++) {
      String[] words = lines[3 + i].split(" ", 2);
      Instant createdAt = Instant.parse(words[0]);
      assertTrue(
          !createdAt.isBefore(before.minusSeconds(1)),
          "timestamps print as Instant: " + lines[3 + i]);
      assertEquals(roles[i] + ", 1 parts", words[1]);
    }

    server.takeRequest(1, TimeUnit.SECONDS); // create
    server.takeRequest(1, TimeUnit.SECONDS); // the question
    RecordedRequest results = server.takeRequest(1, TimeUnit.SECONDS);
    JsonObject part =
        results
            .jsonBody()
            .getAsJsonObject("message")
            .getAsJsonArray("parts")
            .get(0)
            .getAsJsonObject();
    assertEquals("tool_result", part.get("kind").getAsString());
    assertEquals("call_1", part.get("tool_call_id").getAsString());
    assertEquals(
        JsonParser.parseString(
            "{\"city\":\"Lisbon\",\"days\":2,\"summary\":\"sunny\",\"rainMillimetres\":0.0}"),
        part.get("result"));
    assertTrue(client.conversations().list().execute().getData().isEmpty(), "deleted at the end");
  }

  @Test
  void withoutAToolCallTheFirstAnswerIsTheAnswer(OrqClient client) {
    String answer =
        ToolCallExample.run(client, "test-project", "openai/gpt-4o-mini", output.stream);

    assertEquals("You said: " + ToolCallExample.QUESTION, answer);
    assertTrue(output.text().endsWith("(stop)\n(no tool was called)\n"), output.text());
  }
}
