package ai.orq.sdk.examples;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What an example printed, and when: each write is kept with the time it arrived. */
final class Output extends OutputStream {
  /** One write to the stream. */
  static final class Write {
    final long nanos;
    final String text;

    Write(long nanos, String text) {
      this.nanos = nanos;
      this.text = text;
    }
  }

  private final List<Write> writes = new ArrayList<>();
  final PrintStream stream;

  Output() {
    try {
      stream = new PrintStream(this, true, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    writes.add(new Write(System.nanoTime(), new String(b, off, len, StandardCharsets.UTF_8)));
  }

  synchronized List<Write> writes() {
    return new ArrayList<>(writes);
  }

  synchronized String text() {
    StringBuilder all = new StringBuilder();
    for (Write write : writes) {
      all.append(write.text);
    }
    return all.toString().replace("\r\n", "\n");
  }
}
