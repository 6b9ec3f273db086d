package ai.orq.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The reader gives the characters the JDK's decoder gives for well-formed UTF-8, whatever the
 * segment layout of the buffer and the sizes of the reads, leaves the buffer as it was, and refuses
 * exactly the bytes that are not well-formed UTF-8.
 */
class Utf8ReaderTest {
  private static final int[] CODE_POINTS = {
    'a', '"', 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x20ac, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000,
    0x1f600, 0x10ffff
  };

  @Test
  void wellFormedTextReadsAsTheJdkDecodesIt() throws IOException {
    Random random = new Random(1);
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(round % 10 == 0 ? 40_000 : 300);
      while (text.length() < length) {
        text.appendCodePoint(
            random.nextInt(3) == 0
                ? CODE_POINTS[random.nextInt(CODE_POINTS.length)]
                : 0x20 + random.nextInt(0x5f));
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      Buffer buffer = segmented(bytes, random);

      assertEquals(text.toString(), readAll(buffer, random), "round " + round);
      assertEquals(bytes.length, buffer.size(), "the buffer is not consumed");
    }
  }

  @Test
  void anythingElseIsRefused() throws IOException {
    Random random = new Random(2);
    int refused = 0;
    for (int round = 0; round < 3000; round++) {
      byte[] bytes = new byte[1 + random.nextInt(12)];
      random.nextBytes(bytes);
      Buffer buffer = segmented(bytes, random);
      String strict = strictlyDecoded(bytes);
      if (strict == null) {
        refused++;
        assertThrows(
            MalformedInputException.class, () -> readAll(buffer, random), "round " + round);
      } else {
        assertEquals(strict, readAll(buffer, random), "round " + round);
      }
    }
    assertTrue(refused > 1000, "random bytes are mostly malformed: " + refused);
  }

  @Test
  void overlongAndSurrogateSequencesAreRefused() {
    int[][] sequences = {
      {0xc0, 0xaf}, {0xe0, 0x80, 0xaf}, {0xf0, 0x80, 0x80, 0xaf}, {0xed, 0xa0, 0x80},
      {0xf4, 0x90, 0x80, 0x80}, {0xe2, 0x82}, {0x80}, {0xff}
    };
    for (int[] sequence : sequences) {
      byte[] bytes = new byte[sequence.length];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) sequence[i];
      }
      assertThrows(
          MalformedInputException.class,
          () -> readAll(new Buffer().write(bytes), new Random(3)),
          java.util.Arrays.toString(sequence));
    }
  }

  /** A buffer of {@code bytes} in segments of random sizes (each write of a buffer moves them). */
  private static Buffer segmented(byte[] bytes, Random random) {
    Buffer buffer = new Buffer();
    int at = 0;
    while (at < bytes.length) {
      int n = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 5 : 9000));
      buffer.write(new Buffer().write(bytes, at, n), n);
      at += n;
    }
    return buffer;
  }

  private static String readAll(Buffer buffer, Random random) throws IOException {
    Utf8Reader reader = new Utf8Reader(buffer);
    StringBuilder out = new StringBuilder();
    char[] sink = new char[1024];
    while (true) {
      int start = random.nextInt(4);
      int n = reader.read(sink, start, 1 + random.nextInt(random.nextBoolean() ? 3 : 1000));
      if (n == -1) {
        return out.toString();
      }
      out.append(sink, start, n);
    }
  }

  private static String strictlyDecoded(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
