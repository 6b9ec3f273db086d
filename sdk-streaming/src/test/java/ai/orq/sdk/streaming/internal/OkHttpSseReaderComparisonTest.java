package ai.orq.sdk.streaming.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.internal.sse.ServerSentEventReader;
import okio.Buffer;
import okio.Okio;
import org.junit.jupiter.api.Test;

/**
 * Why {@link SseReader} exists: OkHttp-SSE 4.12's parser, fed the same input, holds back an event
 * that ends in CR until the server sends another byte, and drops the first event after a byte-order
 * mark, and fails on a {@code retry:} line ended by a lone CR (it reads that value up to the next
 * LF). Where both are right they agree. If an OkHttp upgrade fixes these, this test says so.
 */
final class OkHttpSseReaderComparisonTest {

  @Test
  void okHttpWaitsForTheByteAfterACrWhereOursDoesNot() throws IOException {
    List<byte[]> input = List.of("data: a\r\r".getBytes(UTF_8));
    List<String> okhttp = new ArrayList<>();
    ServerSentEventReader reader = okHttpReader(new ChunkedSource(input, false), okhttp);
    assertThrows(ChunkedSource.WouldBlock.class, reader::processNextEvent);
    assertEquals(new ArrayList<>(), okhttp, "OkHttp-SSE has not dispatched the complete event");

    SseReader ours = new SseReader(Okio.buffer(new ChunkedSource(input, false)));
    assertTrue(ours.next());
    assertEquals("a", ours.data());
  }

  @Test
  void okHttpLosesTheEventAfterAByteOrderMark() throws IOException {
    String input = "\uFEFFdata: first\n\ndata: second\n\n";
    assertEquals(Arrays.asList("second"), okHttpEvents(input));
    assertEquals(Arrays.asList("first", "second"), ourEvents(input));
  }

  @Test
  void bothAgreeOnTheRecordedStreamWithLfAndCrlf() throws IOException {
    String recorded = new String(SseReaderTest.recordedStream(), UTF_8);
    for (String ending : new String[] {"\n", "\r\n"}) {
      String input = recorded.replace("\n", ending);
      List<String> ours = ourEvents(input);
      assertEquals(19, ours.size());
      assertEquals(okHttpEvents(input), ours, ending.length() + "-byte line ends");
    }
  }

  @Test
  void okHttpFailsOnARetryLineEndedByCr() throws IOException {
    String input = "retry: 3000\rdata: a\r\rdata: b\r\r";
    assertThrows(java.io.EOFException.class, () -> okHttpEvents(input));
    assertEquals(Arrays.asList("a", "b"), ourEvents(input));
  }

  private static ServerSentEventReader okHttpReader(okio.Source source, List<String> events) {
    return new ServerSentEventReader(
        Okio.buffer(source),
        new ServerSentEventReader.Callback() {
          @Override
          public void onEvent(String id, String type, String data) {
            events.add(data);
          }

          @Override
          public void onRetryChange(long timeMs) {}
        });
  }

  private static List<String> okHttpEvents(String input) throws IOException {
    List<String> events = new ArrayList<>();
    ServerSentEventReader reader = okHttpReader(new Buffer().writeUtf8(input), events);
    while (reader.processNextEvent()) {
      // collects through the callback
    }
    return events;
  }

  private static List<String> ourEvents(String input) throws IOException {
    List<String> events = new ArrayList<>();
    SseReader reader = new SseReader(new Buffer().writeUtf8(input));
    while (reader.next()) {
      events.add(reader.data());
    }
    return events;
  }
}
