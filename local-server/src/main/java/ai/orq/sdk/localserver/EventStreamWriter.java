package ai.orq.sdk.localserver;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes server-sent events as {@code data: <json>\n\n}, flushing after each, and the closing
 * {@code data: [DONE]}. Knows nothing of the conversation API beyond the event envelope.
 */
final class EventStreamWriter {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final OutputStream out;

  EventStreamWriter(OutputStream out) {
    this.out = out;
  }

  /** Writes {@code {"type": type, "timestamp": <now, ISO-8601 UTC>, "data": data}}. */
  void event(String type, JsonObject data) throws IOException {
    JsonObject event = new JsonObject();
    event.addProperty("type", type);
    event.addProperty("timestamp", TIMESTAMP.format(Instant.now()));
    event.add("data", data);
    write(Json.write(event));
  }

  /** Writes the {@code [DONE]} sentinel that ends the stream. */
  void done() throws IOException {
    write("[DONE]");
  }

  private void write(String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
