package ai.orq.sdk.streaming.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import okio.Buffer;
import okio.Okio;
import org.junit.jupiter.api.Test;

/** The pure SSE parser, fed strings and byte chunks; no HTTP. */
final class SseReaderTest {

  @Test
  void lfCrlfAndCrLineEndingsGiveTheSameEvents() throws IOException {
    String lf = "event: a\nid: 1\ndata: x\ndata: y\n\n: note\ndata: z\n\n";
    List<String> expected = Arrays.asList("a|1|x\ny", "null|1|z");
    assertEquals(expected, parse(lf));
    assertEquals(expected, parse(lf.replace("\n", "\r\n")));
    assertEquals(expected, parse(lf.replace("\n", "\r")));
    assertEquals(expected, parse("event: a\r\nid: 1\rdata: x\ndata: y\r\n\r: note\ndata: z\r\n\n"));
  }

  @Test
  void anEventEndingInCrIsDispatchedWithoutWaitingForTheNextByte() throws IOException {
    ChunkedSource source = new ChunkedSource(chunks("data: a\r\r"), false);
    SseReader reader = new SseReader(Okio.buffer(source));
    assertTrue(reader.next());
    assertEquals("a", reader.data());
    assertThrows(ChunkedSource.WouldBlock.class, reader::next);
  }

  @Test
  void crlfSplitBetweenChunksIsOneLineEnd() throws IOException {
    assertEquals(Arrays.asList("null|null|a"), parseChunks("data: a\r", "\n\r", "\n"));
    assertEquals(
        Arrays.asList("null|null|a\nb"), parseChunks("data: a\r", "\ndata: b\r", "\n\r\n"));
    // A lone CR at a chunk end followed by a CR is a blank line, not half a CRLF.
    assertEquals(
        Arrays.asList("null|null|a", "null|null|b"), parseChunks("data: a\r", "\rdata: b\r\r"));
  }

  @Test
  void commentsAndKeepAlivesAreSkipped() throws IOException {
    assertEquals(
        Arrays.asList("null|null|a"),
        parse(": hello\n\n:\n\n: ping\ndata: a\n: mid-event\n\n: bye\n"));
  }

  @Test
  void blankLinesWithoutDataDispatchNothingAndResetTheType() throws IOException {
    assertEquals(Arrays.asList("null|null|a"), parse("\n\n\nevent: lost\n\ndata: a\n\n"));
  }

  @Test
  void fieldValueRules() throws IOException {
    assertEquals(
        Arrays.asList("null|null|x", " x", "", "", "a:b", "", "null|null|ok"),
        Arrays.asList(
            parse("data:x\n\n").get(0),
            data("data:  x\n\n"),
            data("data\n\n"),
            data("data:\n\n"),
            data("data: a:b\n\n"),
            data("data\ndata\n\n").replace("\n", ""),
            parse("Data: no\nDATA: no\nfoo: bar\nfoo\ndata: ok\n\n").get(0)));
    assertEquals("\n", data("data\ndata\n\n"));
    assertEquals(Arrays.asList("null|null|a"), parse("event\ndata: a\n\n"));
  }

  @Test
  void idPersistsAndIgnoresNul() throws IOException {
    assertEquals(
        Arrays.asList("null|7|a", "null|7|b", "null||c", "null||d"),
        parse("id: 7\ndata: a\n\ndata: b\n\nid: x\u0000y\nid\ndata: c\n\nid: \u0000\ndata: d\n\n"));
  }

  @Test
  void retryTakesOnlyDigits() throws IOException {
    SseReader reader =
        reader(
            "retry: 1500\n"
                + "data: a\n\n"
                + "retry: soon\n"
                + "retry: -1\n"
                + "retry:\n"
                + "retry: 99999999999999999999\n"
                + "data: b\n\n");
    assertEquals(-1, new SseReader(new Buffer()).retryMillis());
    assertTrue(reader.next());
    assertEquals(1500, reader.retryMillis());
    assertTrue(reader.next());
    assertEquals(1500, reader.retryMillis());
    assertEquals("b", reader.data());
    assertFalse(reader.next());
  }

  @Test
  void aLeadingByteOrderMarkIsDroppedOnce() throws IOException {
    assertEquals(Arrays.asList("null|null|a"), parse("\uFEFFdata: a\n\n"));
    assertEquals(Arrays.asList("null|null|b"), parse("\uFEFF\uFEFFdata: a\n\ndata: b\n\n"));
    assertEquals(Arrays.asList("null|null|\u00EF"), parse("data: \u00EF\n\n"));
    assertEquals(Collections0.EMPTY, parse("\u00EF"));
  }

  @Test
  void anIncompleteEventAtEndOfInputIsDiscarded() throws IOException {
    assertEquals(Arrays.asList("null|null|a"), parse("data: a\n\ndata: b\n"));
    assertEquals(Arrays.asList("null|null|a"), parse("data: a\n\ndata: b"));
    assertEquals(Collections0.EMPTY, parse(""));
  }

  @Test
  void dataBeforeAnyEventIsAnError() {
    assertThrows(IllegalStateException.class, () -> new SseReader(new Buffer()).data());
  }

  @Test
  void multiByteCharactersSplitAtEveryBytePosition() throws IOException {
    String text = "data: h\u00E9llo \uD83D\uDE00 \u4E16\u754C \u20AC\n\n";
    byte[] bytes = text.getBytes(UTF_8);
    for (int cut = 1; cut < bytes.length; cut++) {
      List<byte[]> chunks =
          Arrays.asList(
              Arrays.copyOfRange(bytes, 0, cut), Arrays.copyOfRange(bytes, cut, bytes.length));
      assertEquals(
          Arrays.asList("null|null|h\u00E9llo \uD83D\uDE00 \u4E16\u754C \u20AC"),
          parse(chunks),
          "cut at " + cut);
    }
    // One byte per read, everywhere.
    List<byte[]> singles = new ArrayList<>();
    for (byte b : bytes) {
      singles.add(new byte[] {b});
    }
    assertEquals(
        Arrays.asList("null|null|h\u00E9llo \uD83D\uDE00 \u4E16\u754C \u20AC"), parse(singles));
  }

  @Test
  void linesLongerThan64KiBInSmallChunks() throws IOException {
    StringBuilder big = new StringBuilder();
    while (big.length() < 200_000) {
      big.append("token\u00E9\u4E16 ");
    }
    String text = "data: " + big + "\ndata: " + big + "\r\n\r\ndata: after\n\n";
    byte[] bytes = text.getBytes(UTF_8);
    List<byte[]> chunks = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += 1000) {
      chunks.add(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 1000)));
    }
    List<String> events = parse(chunks);
    assertEquals(Arrays.asList("null|null|" + big + "\n" + big, "null|null|after"), events);
  }

  @Test
  void randomChunkingOfARecordedStreamGivesIdenticalEvents() throws IOException {
    byte[] recorded = recordedStream();
    List<String> whole = parse(List.of(recorded));
    assertEquals(19, whole.size());
    assertEquals("null|2|[DONE]", whole.get(18));
    assertEquals("message|1|", whole.get(0).substring(0, 10));
    for (String ending : new String[] {"\n", "\r\n", "\r"}) {
      byte[] bytes = new String(recorded, UTF_8).replace("\n", ending).getBytes(UTF_8);
      Random random = new Random(20260201L + ending.length());
      for (int round = 0; round < 200; round++) {
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < bytes.length; ) {
          int size = 1 + random.nextInt(random.nextBoolean() ? 8 : 700);
          chunks.add(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + size)));
          i += size;
        }
        assertEquals(
            whole,
            parse(chunks),
            "round " + round + " with " + ending.length() + "-byte line ends");
      }
    }
  }

  @Test
  void eventsArriveBeforeTheInputEnds() throws IOException {
    ChunkedSource source = new ChunkedSource(chunks("data: one\n\n", "data: two\n\n"), false);
    SseReader reader = new SseReader(Okio.buffer(source));
    assertTrue(reader.next());
    assertEquals("one", reader.data());
    assertEquals(1, source.reads);
    assertTrue(reader.next());
    assertEquals("two", reader.data());
    assertNull(reader.type());
    assertThrows(ChunkedSource.WouldBlock.class, reader::next);
  }

  static byte[] recordedStream() throws IOException {
    try (InputStream in = SseReaderTest.class.getResourceAsStream("/streams/all-events.sse")) {
      return Okio.buffer(Okio.source(in)).readByteArray();
    }
  }

  private static final class Collections0 {
    static final List<String> EMPTY = new ArrayList<>();
  }

  private static String data(String text) throws IOException {
    SseReader reader = reader(text);
    assertTrue(reader.next());
    return reader.data();
  }

  private static SseReader reader(String text) {
    return new SseReader(new Buffer().writeUtf8(text));
  }

  private static List<String> parse(String text) throws IOException {
    return parse(List.of(text.getBytes(UTF_8)));
  }

  private static List<String> parseChunks(String... chunks) throws IOException {
    return parse(chunks(chunks));
  }

  private static List<byte[]> chunks(String... chunks) {
    List<byte[]> list = new ArrayList<>();
    for (String chunk : chunks) {
      list.add(chunk.getBytes(UTF_8));
    }
    return list;
  }

  private static List<String> parse(List<byte[]> chunks) throws IOException {
    SseReader reader = new SseReader(Okio.buffer(new ChunkedSource(chunks, true)));
    List<String> events = new ArrayList<>();
    while (reader.next()) {
      events.add(reader.type() + "|" + reader.lastEventId() + "|" + reader.data());
    }
    assertFalse(reader.next(), "end of input is sticky");
    return events;
  }
}
