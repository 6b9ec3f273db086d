package ai.orq.sdk.streaming.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import okio.Buffer;
import okio.Source;
import okio.Timeout;

/**
 * A source that hands out the given chunks one read at a time, then either ends or throws {@link
 * WouldBlock}: a parser that asks for more than it needs shows up as that exception.
 */
final class ChunkedSource implements Source {
  static final class WouldBlock extends IOException {
    private static final long serialVersionUID = 1L;

    WouldBlock() {
      super("the parser asked for bytes the server has not sent yet");
    }
  }

  private final ArrayDeque<byte[]> chunks;
  private final boolean endAfterChunks;
  int reads;

  ChunkedSource(List<byte[]> chunks, boolean endAfterChunks) {
    this.chunks = new ArrayDeque<>(chunks);
    this.endAfterChunks = endAfterChunks;
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    reads++;
    byte[] next = chunks.poll();
    if (next == null) {
      if (endAfterChunks) {
        return -1;
      }
      throw new WouldBlock();
    }
    sink.write(next);
    return next.length;
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override
  public void close() {}
}
