package ai.orq.sdk.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.ScriptedResponse;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.ResponsePart;
import com.google.gson.Gson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Every part kind of the spec (the constants of the generated {@link ResponsePart.Kind}), scripted
 * by the local server and read through the SDK, is assembled by {@link ResponseAccumulator} (text,
 * reasoning) or kept whole in {@link AssembledResponse#otherParts()}: none is dropped.
 */
final class AccumulatorPartKindsTest {
  @AutoClose private final LocalOrqServer server = LocalOrqServer.builder().build().start();

  @AutoClose
  private final OrqClient client =
      OrqClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).build();

  @Test
  void everyPartKindOfTheSpecIsAssembledOrKept() {
    List<String> dropped = new ArrayList<>();
    for (ResponsePart.Kind.Value kind : ResponsePart.Kind.Value.values()) {
      if (kind == ResponsePart.Kind.Value._UNKNOWN) {
        continue; // not a kind of the spec: kept, as ResponseAccumulatorTest shows
      }
      String name = kind.name().toLowerCase(Locale.ROOT);
      ScriptedResponse.Builder script = ScriptedResponse.builder();
      switch (kind) {
        case TEXT -> script.text("Hi");
        case REASONING -> script.reasoning("Hi");
        case FILE -> script.fileBytes("Hi".getBytes(StandardCharsets.UTF_8), "text/plain");
        case DATA -> script.data("{\"said\":\"Hi\"}");
        default -> {
          dropped.add(name + ": this test cannot script it; add its step here");
          continue;
        }
      }
      server.enqueue(script.build());
      AssembledResponse answer = assemble();
      List<String> kept = new ArrayList<>();
      for (ResponsePart part : answer.otherParts()) {
        kept.add(
            new Gson()
                .toJsonTree(part, ResponsePart.class)
                .getAsJsonObject()
                .get("kind")
                .getAsString());
      }
      String found = answer.text() + "|" + answer.reasoning() + "|" + kept;
      boolean assembledOrKept =
          switch (kind) {
            case TEXT -> found.equals("Hi||[]");
            case REASONING -> found.equals("|Hi|[]");
            default -> found.equals("||[" + name + "]");
          };
      if (!assembledOrKept) {
        dropped.add(name + ": assembled as text|reasoning|kept = " + found);
      }
    }
    assertEquals(List.of(), dropped, "part kinds of the spec the accumulator drops");
  }

  private AssembledResponse assemble() {
    String id =
        client
            .conversations()
            .create(CreateConversationRequest.builder().projectId("proj_parts").build())
            .execute()
            .getId();
    return ResponseAccumulator.assemble(
        client.conversations().createConversationResponse(id, Fixtures.request()));
  }
}
