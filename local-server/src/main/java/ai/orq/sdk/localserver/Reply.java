package ai.orq.sdk.localserver;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The deterministic assistant reply to a user message: {@code "You said: "} followed by the user's
 * text parts joined with single spaces, or {@link #NO_TEXT} when the message has no text part. The
 * reply streams as word-sized chunks; token counts are word counts.
 */
final class Reply {
  static final String NO_TEXT = "I received your message, but it has no text part to reply to.";

  final String text;
  final List<String> chunks;
  final int promptTokens;

  private Reply(String text, int promptTokens) {
    this.text = text;
    this.chunks = Collections.unmodifiableList(chunks(text));
    this.promptTokens = promptTokens;
  }

  /** The reply to these (already validated) user message parts. */
  static Reply to(JsonArray parts) {
    StringBuilder said = null;
    for (JsonElement element : parts) {
      JsonObject part = element.getAsJsonObject();
      if ("text".equals(part.get("kind").getAsString())) {
        said = said == null ? new StringBuilder() : said.append(' ');
        said.append(part.get("text").getAsString());
      }
    }
    if (said == null) {
      return new Reply(NO_TEXT, 0);
    }
    return new Reply("You said: " + said, chunks(said.toString()).size());
  }

  /**
   * Splits text into words, each keeping the whitespace that follows it (and the first keeping any
   * leading whitespace), so the chunks concatenate to exactly {@code text}.
   */
  static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      chunks.add(text.substring(start, i));
      start = i;
    }
    return chunks;
  }
}
