package ai.orq.sdk.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import okio.Buffer;

/**
 * The UTF-8 text of a buffer as characters, decoded straight from its segments, without consuming
 * it: the buffer still holds every byte afterwards. It fails with a {@link MalformedInputException}
 * at the first sequence that is not well-formed UTF-8 (rather than replacing it), so a caller can
 * decode the text again in the usual way and get the usual answer.
 *
 * <p>Not thread-safe; the buffer must not change while it is read.
 */
final class Utf8Reader extends Reader {
  private final Buffer bytes;
  private final Buffer.UnsafeCursor cursor = new Buffer.UnsafeCursor();
  private long offset;

  /** The low surrogate of the last code point, when only its high one fit; 0 when none. */
  private char pendingLow;

  Utf8Reader(Buffer bytes) {
    this.bytes = bytes;
  }

  @Override
  public int read(char[] sink, int start, int count) throws IOException {
    if (count <= 0) {
      return 0;
    }
    int n = 0;
    if (pendingLow != 0) {
      sink[start] = pendingLow;
      pendingLow = 0;
      n = 1;
    }
    bytes.readUnsafe(cursor);
    try {
      while (n < count && cursor.seek(offset) != -1) {
        byte[] data = cursor.data;
        int first = cursor.start;
        int i = first;
        int end = cursor.end;
        long next = -1; // where to seek when a sequence crosses the segment's end
        while (i < end && n < count) {
          int b = data[i];
          if (b >= 0) {
            sink[start + n++] = (char) b;
            i++;
            continue;
          }
          long at = offset + (i - first);
          int codePoint = codePoint(b & 0xff, data, i, end, at);
          int length = codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
          if (codePoint < 0x10000) {
            sink[start + n++] = (char) codePoint;
          } else {
            sink[start + n++] = Character.highSurrogate(codePoint);
            char low = Character.lowSurrogate(codePoint);
            if (n < count) {
              sink[start + n++] = low;
            } else {
              pendingLow = low;
            }
          }
          if (i + length > end) {
            next = at + length;
            break;
          }
          i += length;
        }
        offset = next != -1 ? next : offset + (i - first);
      }
    } finally {
      cursor.close();
    }
    return n == 0 ? -1 : n;
  }

  /** The code point of the sequence led by {@code lead} at {@code at}, {@code data[i]}. */
  private int codePoint(int lead, byte[] data, int i, int end, long at)
      throws MalformedInputException {
    int length;
    int codePoint;
    if ((lead & 0xe0) == 0xc0) {
      length = 2;
      codePoint = lead & 0x1f;
    } else if ((lead & 0xf0) == 0xe0) {
      length = 3;
      codePoint = lead & 0x0f;
    } else if ((lead & 0xf8) == 0xf0) {
      length = 4;
      codePoint = lead & 0x07;
    } else {
      throw new MalformedInputException(1);
    }
    for (int k = 1; k < length; k++) {
      int b = i + k < end ? data[i + k] & 0xff : byteAt(at + k);
      if ((b & 0xc0) != 0x80) {
        throw new MalformedInputException(k);
      }
      codePoint = (codePoint << 6) | (b & 0x3f);
    }
    int shortest = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    if (shortest != length
        || codePoint > Character.MAX_CODE_POINT
        || (codePoint < 0x10000 && Character.isSurrogate((char) codePoint))) {
      throw new MalformedInputException(length);
    }
    return codePoint;
  }

  /** The byte at {@code position}, or -1 past the end. */
  private int byteAt(long position) {
    return position < bytes.size() ? bytes.getByte(position) & 0xff : -1;
  }

  @Override
  public void close() {}
}
