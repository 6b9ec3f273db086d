package ai.orq.sdk.streaming.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.internal.JsonModels;
import ai.orq.sdk.model.ResponseEvent;
import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

/**
 * Random event sequences in random framings, read in random sizes: the data of every event decodes
 * through the stream's one JSON reader to exactly what the data as a string gives through {@link
 * JsonModels#read}, the same event or the same error, good events after bad ones included.
 */
class EventDataDecoderTest {
  private static final int CASES = 2000;
  private static final String[] TYPES = {
    "part.delta", "response.started", "response.done", "part.done", "tool.started", "brand.new"
  };
  private static final String[] WORDS = {"a", "word ", "é", "日本", "\\\"q\\\"", "\\n", "😀", ""};
  private static final String[] BREAKAGES = {
    "]", "],[{}", "}", " x", ",{}", "null", "[", "\"", "/", "{", ",", "]]"
  };

  private final Gson gson = JsonModels.newGson();
  private int lastEnd = -1;
  private boolean endedInCr;
  private final TypeAdapter<ResponseEvent> events = gson.getAdapter(ResponseEvent.class);

  @Test
  void theStreamsJsonReaderGivesWhatEachEventsDataStringGives() throws IOException {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    int decoded = 0;
    int failed = 0;
    for (int i = 0; i < CASES; i++) {
      List<String> expectedData = new ArrayList<>();
      byte[] stream = stream(random, expectedData);
      SseReader reader = new SseReader(randomReads(stream, random));
      EventDataDecoder decoder = new EventDataDecoder();
      for (int e = 0; e < expectedData.size(); e++) {
        String where = "seed " + seed + ", case " + i + ", event " + e;
        assertTrue(reader.next(), where);
        String data = expectedData.get(e);
        assertEquals(data, reader.data(), where);
        String old = outcome(() -> JsonModels.read(events, data));
        String streamed = outcome(() -> decoder.read(events, reader));
        assertEquals(old, streamed, where + ", data " + data);
        if (old.startsWith("error")) {
          failed++;
        } else {
          decoded++;
        }
      }
      assertFalse(reader.next(), "seed " + seed + ", case " + i);
    }
    assertTrue(decoded > CASES && failed > CASES / 4, decoded + " decoded, " + failed + " failed");
  }

  /** The value or the exception, with its message, of {@code read}. */
  private static String outcome(Supplier<ResponseEvent> read) {
    try {
      return "value " + read.get();
    } catch (RuntimeException e) {
      return "error " + e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** A stream of 1 to 12 events; {@code expectedData} gets their data as the old reader made it. */
  private byte[] stream(Random random, List<String> expectedData) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lastEnd = -1;
    if (random.nextInt(4) == 0) {
      out.write(0xef);
      out.write(0xbb);
      out.write(0xbf);
    }
    int count = 1 + random.nextInt(12);
    for (int e = 0; e < count; e++) {
      if (random.nextInt(4) == 0) {
        line(out, random, ": keep-alive");
      }
      if (random.nextInt(4) == 0) {
        line(out, random, "event: " + (random.nextBoolean() ? "message" : "ping"));
      }
      if (random.nextInt(6) == 0) {
        line(out, random, "id: " + random.nextInt(100));
      }
      StringBuilder data = new StringBuilder();
      byte[] json = data(random);
      int start = 0;
      for (int i = 0; i <= json.length; i++) {
        boolean split = i == json.length || (json[i] == ' ' && random.nextInt(3) == 0);
        if (split) {
          byte[] value = Arrays.copyOfRange(json, start, i);
          if (start > 0) {
            data.append('\n');
          }
          data.append(new String(value, StandardCharsets.UTF_8));
          boolean leadingSpace = value.length > 0 && value[0] == ' ';
          // the one space after the colon is not data: a value's own leading space needs one
          out.writeBytes(
              (leadingSpace || random.nextBoolean() ? "data: " : "data:")
                  .getBytes(StandardCharsets.US_ASCII));
          out.writeBytes(value);
          lineEnd(out, random);
          start = i + 1;
        }
      }
      lineEnd(out, random);
      expectedData.add(data.toString());
    }
    return out.toByteArray();
  }

  /** An event's data: mostly events, some of unknown kinds or shapes, some broken. */
  private static byte[] data(Random random) {
    String type = TYPES[random.nextInt(TYPES.length)];
    String word = WORDS[random.nextInt(WORDS.length)];
    String kind = random.nextInt(5) == 0 ? "hologram" : "text";
    String extra = random.nextInt(4) == 0 ? ", \"extra\": [1, 2.5, {\"n\": null}]" : "";
    String json;
    switch (random.nextInt(6)) {
      case 0:
        json =
            "{\"type\": \"response.done\", \"timestamp\": \"2026-02-01T10:00:00Z\", \"data\":"
                + " {\"finishReason\": \"stop\", \"usage\": {\"prompt_tokens\": "
                + random.nextInt(1000)
                + "}}"
                + extra
                + "}";
        break;
      case 1:
        json = random.nextBoolean() ? "" : random.nextBoolean() ? "null" : "  ";
        break;
      default:
        json =
            "{\"type\": \""
                + type
                + "\", \"timestamp\": \"2026-02-01T10:00:00.000Z\", \"data\": {\"partId\": \"p\","
                + " \"delta\": {\"_id\": \"p\", \"kind\": \""
                + kind
                + "\", \"text\": \""
                + word
                + "\"}}"
                + extra
                + "}";
        break;
    }
    if (random.nextInt(5) == 0 && !json.isEmpty()) {
      int cut = random.nextInt(json.length());
      json =
          random.nextBoolean()
              ? json.substring(0, cut)
              : json + BREAKAGES[random.nextInt(BREAKAGES.length)];
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(10) == 0 && bytes.length > 0) {
      bytes[random.nextInt(bytes.length)] = (byte) (0x80 | random.nextInt(0x80)); // bad UTF-8
    }
    return bytes;
  }

  private void line(ByteArrayOutputStream out, Random random, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    lineEnd(out, random);
  }

  /** LF, CR or CRLF; after a lone CR, an empty line does not end in LF (CRLF is one line end). */
  private void lineEnd(ByteArrayOutputStream out, Random random) {
    int end = random.nextInt(out.size() == lastEnd && endedInCr ? 2 : 3);
    out.writeBytes(new String[] {"\r", "\r\n", "\n"}[end].getBytes(StandardCharsets.US_ASCII));
    lastEnd = out.size();
    endedInCr = end == 0;
  }

  /** {@code bytes} handed out 1 to 64 bytes at a time. */
  private static BufferedSource randomReads(byte[] bytes, Random random) {
    long seed = random.nextLong();
    return Okio.buffer(
        new Source() {
          private final Random sizes = new Random(seed);
          private int pos;

          @Override
          public long read(Buffer sink, long byteCount) {
            if (pos == bytes.length) {
              return -1;
            }
            int n = (int) Math.min(Math.min(byteCount, bytes.length - pos), 1 + sizes.nextInt(64));
            sink.write(bytes, pos, n);
            pos += n;
            return n;
          }

          @Override
          public Timeout timeout() {
            return Timeout.NONE;
          }

          @Override
          public void close() {}
        });
  }
}
