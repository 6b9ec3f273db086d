package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTest {
  @Test
  void chunksKeepTheirWhitespaceAndConcatenateToTheText() {
    assertEquals(List.of("  You ", "said:\n", "hi\t "), Reply.chunks("  You said:\nhi\t "));
    assertEquals(List.of(), Reply.chunks(""));
    assertEquals(List.of(" "), Reply.chunks(" "));
  }

  @Test
  void repliesToTheJoinedTextParts() {
    Reply reply =
        Reply.to(
            JsonParser.parseString(
                    "[{\"kind\":\"text\",\"text\":\"one"
                        + " two\"},{\"kind\":\"data\"},{\"kind\":\"text\",\"text\":\"three\"}]")
                .getAsJsonArray());
    assertEquals("You said: one two three", reply.text);
    assertEquals(3, reply.promptTokens);
    assertEquals(5, reply.chunks.size());
    assertEquals(String.join("", reply.chunks), reply.text);
  }

  @Test
  void emptyTextPartStillCountsAsText() {
    Reply reply =
        Reply.to(JsonParser.parseString("[{\"kind\":\"text\",\"text\":\"\"}]").getAsJsonArray());
    assertEquals("You said: ", reply.text);
    assertEquals(0, reply.promptTokens);
  }
}
