package ai.orq.sdk.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

/**
 * A pre-rendered {@code text/event-stream} response of a chosen number of events, shaped like the
 * local server's: {@code response.started}, then {@code part.delta} events of one text part (one
 * word each), then {@code response.done} with usage, then {@code data: [DONE]}. The body is sent
 * with chunked transfer encoding, whole events grouped into chunks of at most {@value #CHUNK}
 * bytes, as a server flushing its output buffer would. Rendering happens once; serving a stream is
 * a loop of socket writes of the same arrays.
 */
final class RecordedStream {
  static final int CHUNK = 8192;
  private static final int BLOCK_EVENTS = 1000;
  private static final String PART_ID = "text_01KB2Y8Q4ZJ6N3V7W5X9R0T1CM";
  private static final String[] WORDS = {
    "the ", "stream ", "of ", "tokens ", "arrives ", "word ", "by ", "word, ", "and ", "each ",
    "delta ", "carries ", "a ", "small ", "piece ", "of ", "text; ", "latency ", "matters ",
        "more ",
    "than ", "size. ", "Überraschung ", "naïve ", "café ", "日本語 ", "🙂 ", "\"quoted\" ", "line\\n ",
  };

  private final byte[] head;
  private final byte[] block;
  private final long blocks;
  private final byte[] remainder;
  private final byte[] tail;
  private final long events;

  private RecordedStream(long events) {
    if (events < 2) {
      throw new IllegalArgumentException("events < 2: " + events);
    }
    this.events = events;
    long deltas = events - 2;
    Random random = new Random(42);
    @SuppressWarnings("StringConcatToTextBlock") // the CRLFs of HTTP, one header a line
    String headers =
        "HTTP/1.1 200 OK\r\n"
            + "Content-Type: text/event-stream\r\n"
            + "Cache-Control: no-cache\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "\r\n";
    this.head = concat(headers.getBytes(StandardCharsets.US_ASCII), chunked(sse(started())));
    this.block = renderDeltas(BLOCK_EVENTS, random);
    this.blocks = deltas / BLOCK_EVENTS;
    this.remainder = renderDeltas((int) (deltas % BLOCK_EVENTS), random);
    this.tail =
        concat(
            chunked(sse(done(deltas)) + "data: [DONE]\n\n"),
            "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** A stream of {@code events} JSON events (the {@code [DONE]} sentinel is not counted). */
  static RecordedStream of(long events) {
    return new RecordedStream(events);
  }

  /** The JSON events in the stream, excluding {@code [DONE]}. */
  long events() {
    return events;
  }

  /** Bytes of the HTTP body on the wire, chunk framing included. */
  long wireBytes() {
    return head.length + block.length * blocks + remainder.length + tail.length;
  }

  /** Writes the complete response: status line, headers, the chunked body and its terminator. */
  void writeTo(OutputStream out) throws IOException {
    writeHead(out);
    writeRest(out);
  }

  /**
   * Writes the status line, the headers and the first event ({@code response.started}), and
   * flushes.
   */
  void writeHead(OutputStream out) throws IOException {
    out.write(head);
    out.flush();
  }

  /** Writes the rest of the response after {@link #writeHead}. */
  void writeRest(OutputStream out) throws IOException {
    for (long i = 0; i < blocks; i++) {
      out.write(block);
    }
    out.write(remainder);
    out.write(tail);
    out.flush();
  }

  private static byte[] renderDeltas(int count, Random random) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    StringBuilder chunk = new StringBuilder(CHUNK);
    for (int i = 0; i < count; i++) {
      String event = sse(delta(WORDS[random.nextInt(WORDS.length)], i));
      if (chunk.length() > 0 && utf8Length(chunk) + utf8Length(event) > CHUNK) {
        body.writeBytes(chunked(chunk.toString()));
        chunk.setLength(0);
      }
      chunk.append(event);
    }
    if (chunk.length() > 0) {
      body.writeBytes(chunked(chunk.toString()));
    }
    return body.toByteArray();
  }

  private static String started() {
    return "{\"type\":\"response.started\",\"timestamp\":\""
        + timestamp(0)
        + "\",\"data\":{"
        + "\"responseId\":\"resp_01KB2Y8Q4ZJ6N3V7W5X9R0T1CA\","
        + "\"taskId\":\"task_01KB2Y8Q4ZJ6N3V7W5X9R0T1CB\","
        + "\"model\":\"openai/gpt-4o\","
        + "\"workflowRunId\":\"wf_01KB2Y8Q4ZJ6N3V7W5X9R0T1CC\","
        + "\"userMessageId\":\"msg_01KB2Y8Q4ZJ6N3V7W5X9R0T1CD\","
        + "\"assistantMessageId\":\"msg_01KB2Y8Q4ZJ6N3V7W5X9R0T1CE\"}}";
  }

  private static String delta(String word, int i) {
    String json = word.replace("\\", "\\\\").replace("\"", "\\\"");
    return "{\"type\":\"part.delta\",\"timestamp\":\""
        + timestamp(i)
        + "\",\"data\":{"
        + "\"partId\":\""
        + PART_ID
        + "\","
        + "\"delta\":{\"_id\":\""
        + PART_ID
        + "\",\"kind\":\"text\",\"text\":\""
        + json
        + "\"}}}";
  }

  private static String done(long deltas) {
    return "{\"type\":\"response.done\",\"timestamp\":\""
        + timestamp(1)
        + "\",\"data\":{"
        + "\"finishReason\":\"stop\","
        + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":"
        + deltas
        + ",\"total_tokens\":"
        + (deltas + 12)
        + "}}}";
  }

  private static String timestamp(int i) {
    return Instant.ofEpochMilli(1_767_225_600_000L + i).toString();
  }

  private static String sse(String json) {
    return "data: " + json + "\n\n";
  }

  private static byte[] chunked(String data) {
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    byte[] size = (Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    return concat(concat(size, bytes), "\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static int utf8Length(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
