package ai.orq.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.streaming.internal.SseReader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

/**
 * Property-based tests of the pure SSE parser ({@code SseReader}, which knows nothing of HTTP):
 * random valid streams delivered in random read sizes parse to exactly the generated events; random
 * garbage always ends, without an exception. Seeded: see {@link Support#seed}.
 */
class SseReaderPropertyTest {
  static final int VALID_CASES = 3000;
  static final int GARBAGE_CASES = 3000;

  @Test
  void randomValidStreamsInRandomReadsParseToExactlyTheirEvents() {
    long seed = Support.seed("SseReaderPropertyTest.valid");
    Random random = new Random(seed);
    RandomStreams streams = new RandomStreams(random);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int i = 0; i < VALID_CASES; i++) {
            RandomStreams.Stream stream = streams.valid(30);
            List<String> read = readAll(chunked(stream.body(), random));
            assertEquals(stream.dataStrings(), read, "case " + i + " of seed " + seed);
          }
        },
        "seed " + seed);
  }

  @Test
  void randomGarbageEndsWithoutException() {
    long seed = Support.seed("SseReaderPropertyTest.garbage");
    Random random = new Random(seed);
    RandomStreams streams = new RandomStreams(random);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int i = 0; i < GARBAGE_CASES; i++) {
            byte[] garbage = streams.garbage(4096);
            List<String> read = readAll(chunked(garbage, random));
            // each event needs at least a "data" line and a blank line
            assertTrue(read.size() <= garbage.length / 2, "case " + i + " of seed " + seed);
          }
        },
        "seed " + seed);
  }

  private static List<String> readAll(BufferedSource source) throws IOException {
    SseReader reader = new SseReader(source);
    List<String> data = new ArrayList<>();
    while (reader.next()) {
      data.add(reader.data());
    }
    return data;
  }

  /** A source that hands out {@code bytes} in random read sizes, 1 byte to 64 bytes at a time. */
  static BufferedSource chunked(byte[] bytes, Random random) {
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
