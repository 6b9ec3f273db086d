package ai.orq.sdk.streaming.internal;

import ai.orq.sdk.model.ResponseEvent;
import com.google.gson.Gson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;

/** Lets tests in other packages parse and decode in memory, as the streams do over HTTP. */
public final class SseTestAccess {
  private SseTestAccess() {}

  /** Every event before {@code [DONE]}, decoded with {@code gson}. */
  public static List<ResponseEvent> decodeAll(byte[] stream, Gson gson) {
    SseReader reader = new SseReader(new Buffer().write(stream));
    List<ResponseEvent> events = new ArrayList<>();
    try {
      while (reader.next()) {
        if ("[DONE]".equals(reader.data())) {
          return events;
        }
        events.add(gson.fromJson(reader.data(), ResponseEvent.class));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no [DONE]");
  }
}
