package ai.orq.sdk.streaming.internal;

import ai.orq.sdk.internal.JsonModels;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.io.Reader;

/**
 * Decodes the data of a stream's events from the reader's character window through one {@link
 * JsonReader} for the whole stream: no string, string reader or JSON reader per event.
 *
 * <p>The JSON reader sees the stream as one document, an array holding each event's data in an
 * array of its own ({@code [[data1],[data2],...}), and the closing bracket of an event is served
 * only once everything before it was read. So an event decodes here exactly when its data is one
 * JSON value, as on its own. Whatever fails is decoded again by {@link JsonModels#read} from the
 * data as a string, whose value or exception is the answer (the JSON reader is then replaced): both
 * ways give the same events and the same errors.
 *
 * <p>Not thread-safe; owned by the thread that reads the stream.
 */
final class EventDataDecoder {
  private final Window window = new Window();
  @Nullable private JsonReader json;

  /**
   * The value in the data of the event {@code reader} last returned, or null when it is empty or
   * the JSON {@code null}.
   *
   * @throws ai.orq.sdk.model.ModelJsonException as {@link JsonModels#read} on the data
   */
  @Nullable
  <T> T read(TypeAdapter<T> adapter, SseReader reader) {
    window.open(reader.dataChars(), reader.dataLength(), json == null);
    try {
      JsonReader in = json;
      if (in == null) {
        in = new JsonReader(window);
        in.beginArray();
        json = in;
      }
      in.beginArray();
      T value = adapter.read(in);
      in.endArray();
      if (window.closed) {
        return value;
      }
    } catch (IOException | RuntimeException e) {
      // decoded again below, for the same answer
    }
    json = null;
    return JsonModels.read(adapter, reader.data());
  }

  /** The characters of one event at a time, framed as the next element of the stream's array. */
  private static final class Window extends Reader {
    private static final String FIRST = "[[";
    private static final String NEXT = ",[";

    private String opening = FIRST;
    private int openingServed;
    private char[] data = new char[0];
    private int length;
    private int served;
    private boolean closed;

    void open(char[] data, int length, boolean first) {
      this.opening = first ? FIRST : NEXT;
      this.openingServed = 0;
      this.data = data;
      this.length = length;
      this.served = 0;
      this.closed = false;
    }

    @Override
    public int read(char[] sink, int offset, int count) {
      if (count == 0) {
        return 0;
      }
      int n = 0;
      while (openingServed < opening.length() && n < count) {
        sink[offset + n++] = opening.charAt(openingServed++);
      }
      int fromData = Math.min(count - n, length - served);
      System.arraycopy(data, served, sink, offset + n, fromData);
      served += fromData;
      n += fromData;
      if (n > 0) {
        return n;
      }
      if (!closed) {
        closed = true;
        sink[offset] = ']';
        return 1;
      }
      return -1;
    }

    @Override
    public void close() {}
  }
}
