package ai.orq.sdk.reliability;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random, valid {@code text/event-stream} bodies of orq response events together with the
 * events they encode, and random garbage. Everything is drawn from the given {@link Random}, so a
 * seed reproduces a case exactly.
 *
 * <p>Framing is random per line: LF, CRLF or CR line ends; an optional byte-order mark; comments,
 * {@code id}, {@code event}, {@code retry} and unknown fields between and inside events; {@code
 * data:} with or without the optional space; an event's JSON split over several {@code data} lines
 * at token boundaries (the reader joins them with LF, which is JSON whitespace). Text is random
 * Unicode: ASCII, JSON escapes, control characters, 2-, 3- and 4-byte UTF-8.
 */
final class RandomStreams {
  /**
   * A generated stream: the wire bytes; the JSON of each event, in order; the exact {@code data} of
   * each SSE event as a reader must return it (data lines joined with LF), ending with {@code
   * [DONE]}; and the text of each {@code part.delta}, in order.
   */
  record Stream(
      byte[] body, List<String> eventsJson, List<String> dataStrings, List<String> deltaTexts) {}

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private static final String[] UNKNOWN_TYPES = {"future.event", "part.delta.v2", "x"};

  private final Random random;

  RandomStreams(Random random) {
    this.random = random;
  }

  /** A valid stream of 0 to {@code maxEvents} JSON events, ending with {@code data: [DONE]}. */
  Stream valid(int maxEvents) {
    Framing framing = new Framing();
    if (random.nextInt(10) == 0) {
      framing.raw(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    int n = random.nextInt(maxEvents + 1);
    List<String> events = new ArrayList<>();
    List<String> data = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      noise(framing);
      List<String> tokens = new ArrayList<>();
      String text = event(i, n, tokens);
      if (text != null) {
        texts.add(text);
      }
      events.add(String.join("", tokens));
      data.add(writeData(framing, tokens));
    }
    noise(framing);
    framing.line(random.nextBoolean() ? "data: [DONE]" : "data:[DONE]");
    framing.line("");
    data.add("[DONE]");
    return new Stream(framing.bytes(), events, data, texts);
  }

  /** Random bytes, sometimes salted with SSE-looking fragments. */
  byte[] garbage(int maxBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int size = random.nextInt(maxBytes + 1);
    String[] salt = {
      "data: ",
      "data: {",
      "\n\n",
      "\r",
      "\r\n",
      ": c\n",
      "event: x\n",
      "data: [DONE]\n\n",
      "{\"type\":\"part.delta\"",
      "data: {\"type\":\"part.delta\",\"timestamp\":\"t\",\"data\":{}}\n\n",
      "data: {\"type\":\"response.started\"}\n\n",
      "\u00e9",
      "\uD83D\uDE00",
      "\u0000"
    };
    while (out.size() < size) {
      if (random.nextInt(3) == 0) {
        out.writeBytes(salt[random.nextInt(salt.length)].getBytes(StandardCharsets.UTF_8));
      } else {
        byte[] chunk = new byte[1 + random.nextInt(32)];
        random.nextBytes(chunk);
        out.writeBytes(chunk);
      }
    }
    return out.toByteArray();
  }

  /** Emits the tokens of one event's JSON; returns its delta text for part.delta, else null. */
  private String event(int i, int n, List<String> t) {
    String ts = "\"2026-01-01T00:00:" + String.format("%02d", i % 60) + ".000Z\"";
    int kind = i == 0 ? 0 : i == n - 1 ? 3 : random.nextInt(10);
    switch (kind) {
      case 0:
        obj(
            t,
            "type",
            q("response.started"),
            "timestamp",
            ts,
            "data",
            sub(
                "responseId",
                q("resp_" + i),
                "taskId",
                q("task_" + i),
                "model",
                q("openai/gpt-4o"),
                "workflowRunId",
                q("wf_" + i)));
        return null;
      case 3:
        obj(
            t,
            "type",
            q("response.done"),
            "timestamp",
            ts,
            "data",
            sub(
                "finishReason",
                q("stop"),
                "usage",
                sub(
                    "prompt_tokens",
                    "1",
                    "completion_tokens",
                    Integer.toString(i),
                    "total_tokens",
                    Integer.toString(i + 1))));
        return null;
      case 1:
        String done = text();
        obj(
            t,
            "type",
            q("part.done"),
            "timestamp",
            ts,
            "data",
            sub(
                "partId",
                q("text_1"),
                "part",
                sub("_id", q("text_1"), "kind", q("text"), "text", GSON.toJson(done))));
        return null;
      case 2:
        obj(
            t,
            "type",
            q(UNKNOWN_TYPES[random.nextInt(UNKNOWN_TYPES.length)]),
            "timestamp",
            ts,
            "data",
            sub("anything", GSON.toJson(text()), "n", Integer.toString(random.nextInt())));
        return null;
      default:
        String text = text();
        obj(
            t,
            "type",
            q("part.delta"),
            "timestamp",
            ts,
            "data",
            sub(
                "partId",
                q("text_1"),
                "delta",
                sub("_id", q("text_1"), "kind", q("text"), "text", GSON.toJson(text))));
        return text;
    }
  }

  /** A nested object's tokens, as one pre-joined value list. */
  private static List<String> sub(Object... keyValues) {
    List<String> tokens = new ArrayList<>();
    obj(tokens, keyValues);
    return tokens;
  }

  private static void obj(List<String> tokens, Object... keyValues) {
    tokens.add("{");
    for (int k = 0; k < keyValues.length; k += 2) {
      if (k > 0) {
        tokens.add(",");
      }
      tokens.add(q((String) keyValues[k]));
      tokens.add(":");
      Object value = keyValues[k + 1];
      if (value instanceof List<?> list) {
        for (Object token : list) {
          tokens.add((String) token);
        }
      } else {
        tokens.add((String) value);
      }
    }
    tokens.add("}");
  }

  private static String q(String s) {
    return GSON.toJson(s);
  }

  /** Random text: ASCII, JSON-significant characters, controls, and 2-, 3- and 4-byte UTF-8. */
  String text() {
    int length = random.nextInt(24);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(8)) {
        case 0 -> s.append("\"\\/\n\r\t\b\f".charAt(random.nextInt(8)));
        case 1 ->
            s.append((char) random.nextInt(0x20)); // control characters, escaped by the encoder
        case 2 -> s.append((char) (0x80 + random.nextInt(0x780))); // 2-byte UTF-8
        case 3 -> s.append((char) (0x800 + random.nextInt(0xD000 - 0x800))); // 3-byte UTF-8
        case 4 ->
            s.appendCodePoint(0x10000 + random.nextInt(0xFFFFF)); // 4-byte UTF-8 (surrogate pair)
        case 5 -> s.append("data: [DONE]\n\n: x\r\n");
        default -> s.append((char) (0x20 + random.nextInt(0x5F)));
      }
    }
    return s.toString();
  }

  /** Splits the event's JSON tokens over one or more data lines; returns the data as read back. */
  private String writeData(Framing framing, List<String> tokens) {
    int lines = random.nextInt(4) == 0 ? 1 + random.nextInt(Math.min(tokens.size(), 6)) : 1;
    List<Integer> cuts = new ArrayList<>();
    for (int i = 1; i < lines; i++) {
      cuts.add(1 + random.nextInt(tokens.size() - 1));
    }
    cuts.sort(null);
    StringBuilder line = new StringBuilder();
    StringBuilder data = new StringBuilder();
    int next = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (next < cuts.size() && cuts.get(next) == i) {
        emitData(framing, line.toString());
        data.append(line).append('\n');
        line.setLength(0);
        while (next < cuts.size() && cuts.get(next) == i) {
          next++;
        }
        if (random.nextInt(5) == 0) {
          inEventNoise(framing);
        }
      }
      line.append(tokens.get(i));
    }
    emitData(framing, line.toString());
    data.append(line);
    if (random.nextInt(4) == 0) {
      inEventNoise(framing);
    }
    framing.line(""); // dispatch
    return data.toString();
  }

  private void emitData(Framing framing, String value) {
    framing.line(random.nextBoolean() ? "data: " + value : "data:" + value);
  }

  /** Lines that may sit inside an event without changing its data. */
  private void inEventNoise(Framing framing) {
    switch (random.nextInt(5)) {
      case 0 -> framing.line(": comment " + random.nextInt(100));
      case 1 -> framing.line("id: " + random.nextInt(1000));
      case 2 -> framing.line("event: " + (random.nextBoolean() ? "message" : "part.delta"));
      case 3 -> framing.line("retry: " + random.nextInt(5000));
      default -> framing.line(random.nextBoolean() ? "x-unknown: field" : "dataa: not data");
    }
  }

  /** Lines between events: comments, fields of no event, blank lines. */
  private void noise(Framing framing) {
    int count = random.nextInt(4) == 0 ? random.nextInt(4) : 0;
    for (int i = 0; i < count; i++) {
      if (random.nextInt(3) == 0) {
        framing.line(""); // a blank line with no data dispatches nothing
      } else {
        inEventNoise(framing);
        if (random.nextBoolean()) {
          framing.line("");
        }
      }
    }
  }

  /** Writes lines with a random line end each, never letting a CR and a following LF merge. */
  private final class Framing {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean lastWasCr;

    void raw(byte[] bytes) {
      out.writeBytes(bytes);
    }

    void line(String content) {
      out.writeBytes(content.getBytes(StandardCharsets.UTF_8));
      // After a bare CR, an empty line ending in LF would read as the LF of a CRLF.
      int choice = random.nextInt(3);
      if (lastWasCr && content.isEmpty() && choice == 0) {
        choice = 1 + random.nextInt(2);
      }
      String end = choice == 0 ? "\n" : choice == 1 ? "\r\n" : "\r";
      out.writeBytes(end.getBytes(StandardCharsets.US_ASCII));
      lastWasCr = choice == 2;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
