package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.testing.OrqLocalServerTest;
import org.junit.jupiter.api.Test;

@OrqLocalServerTest
final class OpenTelemetryExampleTest {
  private final Output output = new Output();

  @Test
  void printsOneSpanPerOperationWithTheGenAiAttributes(OrqClient client) {
    OpenTelemetryExample.run(client, "test-project", "openai/gpt-4o-mini", output.stream);

    String[] lines = output.text().split("\n");
    assertEquals(3, lines.length, output.text());
    assertTrue(
        lines[0].startsWith(
            "create (CLIENT) {gen_ai.operation.name=create, gen_ai.provider.name=orq, "),
        lines[0]);
    assertTrue(
        lines[1].startsWith("chat openai/gpt-4o-mini (CLIENT) {gen_ai.conversation.id=conv_"),
        lines[1]);
    for (String attribute :
        new String[] {
          "gen_ai.operation.name=chat", "gen_ai.request.model=openai/gpt-4o-mini",
              "gen_ai.request.stream=true",
          "gen_ai.response.finish_reasons=[stop]", "gen_ai.usage.input_tokens=4",
              "gen_ai.usage.output_tokens=6",
          "gen_ai.response.time_to_first_chunk="
        }) {
      assertTrue(lines[1].contains(attribute), attribute + " in " + lines[1]);
    }
    assertTrue(!lines[1].contains("gen_ai.output.messages"), "no content without the opt-in");
    assertTrue(lines[2].startsWith("delete (CLIENT) {gen_ai.conversation.id=conv_"), lines[2]);
  }
}
