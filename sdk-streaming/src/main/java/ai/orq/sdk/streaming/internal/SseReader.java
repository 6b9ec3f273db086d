package ai.orq.sdk.streaming.internal;

import ai.orq.sdk.errors.ResponseTooLargeException;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * A pull parser of the {@code text/event-stream} format (WHATWG HTML, "Server-sent events", section
 * 9.2.6) that knows nothing of HTTP: each {@link #next()} reads lines until one event is dispatched
 * and returns, leaving the rest of the input unread.
 *
 * <p>Honours comments, {@code event}, {@code id} (last event id persists, ignored when it holds
 * NUL), {@code retry} (ASCII digits only), unknown fields, multi-line {@code data}, a leading
 * byte-order mark, and LF, CRLF and CR line endings. A CR is a line end by itself: the parser never
 * waits for the byte after it, so an event ending in CR is dispatched before the server sends more
 * (OkHttp-SSE 4.12's reader peeks for the LF and waits). Lines are decoded as UTF-8 only once
 * complete, so input may be split anywhere, including inside a multi-byte character. An incomplete
 * event at end of input is discarded, as the specification says.
 *
 * <p>Bounded: an event (its field lines, or a single line of any kind) larger than {@code
 * maxEventBytes} fails with {@link ResponseTooLargeException} before more is buffered, and an event
 * whose first byte arrived more than {@code eventTimeoutMillis} ago without it being complete fails
 * with {@link EventTimeoutException}, however steadily its bytes trickle in.
 *
 * <p>An event's data is decoded into a character window reused for the whole stream ({@link
 * #dataChars()}); {@link #data()} makes a string of it only when asked. Windows larger than {@value
 * #KEPT_WINDOW} characters are let go after their event.
 *
 * <p>Not thread-safe; owned by the thread that reads the stream.
 */
public final class SseReader {
  private static final ByteString LINE_END = ByteString.encodeUtf8("\r\n");
  private static final ByteString BOM = ByteString.decodeHex("efbbbf");
  private static final byte CR = '\r';
  private static final byte LF = '\n';
  private static final byte COLON = ':';
  private static final byte SPACE = ' ';
  private static final ByteString DATA_NAME = ByteString.encodeUtf8("data");
  private static final ByteString EVENT_NAME = ByteString.encodeUtf8("event");
  private static final ByteString ID_NAME = ByteString.encodeUtf8("id");
  private static final ByteString RETRY_NAME = ByteString.encodeUtf8("retry");
  private static final int OTHER = 0;
  private static final int DATA = 1;
  private static final int EVENT = 2;
  private static final int ID = 3;
  private static final int RETRY = 4;
  private static final long NOT_STARTED = Long.MIN_VALUE;
  private static final int KEPT_WINDOW = 64 * 1024;
  private static final int FIRST_WINDOW = 1024;

  private final BufferedSource source;
  private final Buffer buffer;
  private final long maxEventBytes;
  private final long eventTimeoutNanos;

  private long eventBytes;
  private long eventStartNanos = NOT_STARTED;

  /** When bytes last arrived: when the source last filled the buffer (or the reader started). */
  private long arrivedNanos;

  private boolean started;
  private boolean skipLeadingLf;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private ByteBuffer lineBytes = ByteBuffer.allocate(FIRST_WINDOW);
  private CharBuffer chars = CharBuffer.allocate(FIRST_WINDOW);
  private boolean hasData;
  @Nullable private String pendingType;

  @Nullable private String lastId;
  @Nullable private String type;
  private boolean dispatched;
  private int dataLength;
  @Nullable private String data;
  private long retryMillis = -1;

  /** A reader without bounds, for input already in memory. */
  public SseReader(BufferedSource source) {
    this(source, Long.MAX_VALUE, 0);
  }

  /**
   * @param maxEventBytes the largest event, and the longest line, read
   * @param eventTimeoutMillis the longest time from an event's first byte to its end; 0 for none
   */
  public SseReader(BufferedSource source, long maxEventBytes, long eventTimeoutMillis) {
    this.source = source;
    this.buffer = source.getBuffer();
    this.maxEventBytes = maxEventBytes;
    this.eventTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(eventTimeoutMillis);
    this.arrivedNanos = clock();
  }

  /**
   * Reads until the next event is dispatched and returns true, or returns false at end of input.
   * Blocks while the source does.
   */
  public boolean next() throws IOException {
    if (dispatched) {
      dispatched = false;
      data = null;
      chars.clear();
      if (chars.capacity() > KEPT_WINDOW) {
        chars = CharBuffer.allocate(FIRST_WINDOW);
        lineBytes = ByteBuffer.allocate(FIRST_WINDOW);
      }
    }
    if (!started) {
      skipByteOrderMark();
      started = true;
    }
    while (true) {
      long lineEnd = lineEnd();
      if (lineEnd == -1L) {
        return false; // end of input; an incomplete line or event is discarded
      }
      if (skipLeadingLf) {
        skipLeadingLf = false;
        if (lineEnd == 0 && buffer.getByte(0) == LF) {
          buffer.skip(1);
          continue;
        }
      }
      boolean dispatched = lineEnd == 0L ? dispatch() : processLine(lineEnd);
      skipLineEnd();
      if (dispatched || !inEvent()) {
        eventBytes = 0;
        eventStartNanos = NOT_STARTED;
      } else {
        checkBounds(0, arrivedNanos); // the line's bytes arrived by then
      }
      if (dispatched) {
        return true;
      }
    }
  }

  /**
   * The length of the line at the head of the buffer, reading until its end arrives (or the end of
   * input: -1) but never past the bounds. The clock is read only around reads of the source, not
   * per event: an event's first byte arrived with the read that brought it, and bytes already in
   * the buffer take no time to arrive.
   */
  private long lineEnd() throws IOException {
    long scanned = 0;
    while (true) {
      if (eventStartNanos == NOT_STARTED && buffer.size() > 0) {
        eventStartNanos = arrivedNanos;
      }
      long lineEnd = buffer.indexOfElement(LINE_END, scanned);
      if (lineEnd != -1L) {
        return lineEnd;
      }
      scanned = buffer.size();
      checkBounds(scanned, clock());
      boolean more = source.request(scanned + 1);
      arrivedNanos = clock();
      if (!more) {
        return -1L;
      }
    }
  }

  /**
   * Fails when the event so far, with {@code more} bytes of a line, is too large, or had its first
   * byte more than the event timeout before {@code nowNanos} without being complete.
   */
  private void checkBounds(long more, long nowNanos) throws IOException {
    if (eventBytes + more > maxEventBytes) {
      throw new ResponseTooLargeException("An event of the stream", maxEventBytes);
    }
    if (eventTimeoutNanos > 0
        && eventStartNanos != NOT_STARTED
        && nowNanos - eventStartNanos > eventTimeoutNanos) {
      throw new EventTimeoutException(
          "An event took longer than "
              + TimeUnit.NANOSECONDS.toMillis(eventTimeoutNanos)
              + " ms to arrive");
    }
  }

  /** The time, when events have a timeout. */
  private long clock() {
    return eventTimeoutNanos > 0 ? System.nanoTime() : 0;
  }

  private boolean inEvent() {
    return hasData || pendingType != null;
  }

  /** The data of the event last returned by {@link #next()}, lines joined with LF. */
  public String data() {
    if (!dispatched) {
      throw new IllegalStateException("no event read yet");
    }
    if (data == null) {
      data = new String(chars.array(), 0, dataLength);
    }
    return data;
  }

  /**
   * The window holding the data of the event last returned, as {@link #data()} without a copy: its
   * first {@link #dataLength()} characters. Valid until the next call to {@link #next()}.
   */
  char[] dataChars() {
    if (!dispatched) {
      throw new IllegalStateException("no event read yet");
    }
    return chars.array();
  }

  /** The length of the data of the event last returned. */
  int dataLength() {
    return dataLength;
  }

  /** Whether the data of the event last returned is exactly {@code text}. */
  boolean dataEquals(String text) {
    if (dataLength != text.length()) {
      return false;
    }
    char[] window = dataChars();
    for (int i = 0; i < dataLength; i++) {
      if (window[i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The {@code event} field of the event last returned, or null when it had none. */
  @Nullable
  public String type() {
    return type;
  }

  /**
   * Whether the event last returned has an {@code event} other than the default {@code message}.
   */
  public boolean isNamed() {
    return type != null && !type.equals("message");
  }

  /** Whether the event last returned is named {@code error}. */
  public boolean isErrorEvent() {
    return "error".equals(type);
  }

  /** The last event id seen so far (it persists across events), or null. */
  @Nullable
  public String lastEventId() {
    return lastId;
  }

  /** The last valid {@code retry} value in milliseconds, or -1 when none was seen. */
  public long retryMillis() {
    return retryMillis;
  }

  private void skipByteOrderMark() throws IOException {
    if (source.request(1)
        && buffer.getByte(0) == BOM.getByte(0)
        && source.request(BOM.size())
        && buffer.rangeEquals(0, BOM)) {
      buffer.skip(BOM.size());
    }
    arrivedNanos = clock();
  }

  private boolean dispatch() {
    if (!hasData) {
      pendingType = null;
      return false;
    }
    dataLength = chars.position();
    dispatched = true;
    type = pendingType;
    hasData = false;
    pendingType = null;
    return true;
  }

  /**
   * Processes one non-empty line of {@code length} bytes at the head of the buffer; consumes it.
   */
  private boolean processLine(long length) throws IOException {
    eventBytes += length;
    if (buffer.getByte(0) == COLON) {
      buffer.skip(length); // a comment, such as a keep-alive
      return false;
    }
    long colon = buffer.indexOf(COLON, 0, length);
    int field = field(colon == -1L ? length : colon);
    if (field == OTHER) {
      buffer.skip(length);
      return false;
    }
    long valueLength = 0;
    if (colon == -1L) {
      buffer.skip(length);
    } else {
      long valueStart = colon + 1;
      if (valueStart < length && buffer.getByte(valueStart) == SPACE) {
        valueStart++;
      }
      buffer.skip(valueStart);
      valueLength = length - valueStart;
    }
    if (field == DATA) {
      appendData((int) valueLength);
      return false;
    }
    String value = buffer.readUtf8(valueLength);
    switch (field) {
      case EVENT:
        pendingType = value.isEmpty() ? null : value;
        break;
      case ID:
        if (value.indexOf('\u0000') == -1) {
          lastId = value;
        }
        break;
      default:
        setRetry(value);
        break;
    }
    return false;
  }

  /** Which field the name of {@code nameLength} bytes at the head of the buffer is. */
  private int field(long nameLength) {
    if (nameLength == 4 && buffer.rangeEquals(0, DATA_NAME)) {
      return DATA;
    } else if (nameLength == 5 && buffer.rangeEquals(0, EVENT_NAME)) {
      return EVENT;
    } else if (nameLength == 2 && buffer.rangeEquals(0, ID_NAME)) {
      return ID;
    } else if (nameLength == 5 && buffer.rangeEquals(0, RETRY_NAME)) {
      return RETRY;
    }
    return OTHER;
  }

  /**
   * Decodes the {@code length} bytes of a data line at the head of the buffer into the window,
   * after an LF when it is not the event's first; consumes them. Malformed UTF-8 becomes U+FFFD, as
   * in a string decoded from the line.
   */
  private void appendData(int length) throws IOException {
    if (hasData) {
      reserve(1).put('\n');
    }
    hasData = true;
    if (lineBytes.capacity() < length) {
      lineBytes = ByteBuffer.allocate(Math.max(length, 2 * lineBytes.capacity()));
    }
    lineBytes.clear();
    byte[] bytes = lineBytes.array();
    for (int read = 0; read < length; ) {
      read += buffer.read(bytes, read, length - read); // present: its line end is in the buffer
    }
    lineBytes.limit(length);
    utf8.reset();
    CharBuffer window = reserve(length); // UTF-8 never has more characters than bytes
    utf8.decode(lineBytes, window, true);
    utf8.flush(window);
  }

  /** The window, with room for {@code more} characters after its content. */
  private CharBuffer reserve(int more) {
    if (chars.remaining() < more) {
      CharBuffer larger =
          CharBuffer.allocate(
              (int) Math.max(chars.position() + (long) more, 2L * chars.capacity()));
      chars.flip();
      larger.put(chars);
      chars = larger;
    }
    return chars;
  }

  private void setRetry(String value) {
    if (value.isEmpty() || value.length() > 18) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return;
      }
    }
    retryMillis = Long.parseLong(value);
  }

  private void skipLineEnd() throws IOException {
    byte end = buffer.readByte(); // present: the line end was found in the buffer
    if (end == CR) {
      if (buffer.size() > 0) {
        if (buffer.getByte(0) == LF) {
          buffer.skip(1);
        }
      } else {
        skipLeadingLf = true; // the LF of a CRLF may arrive later; never wait for it
      }
    }
  }

  /** An event did not complete within the event timeout, although bytes kept arriving. */
  public static final class EventTimeoutException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    EventTimeoutException(String message) {
      super(message);
    }
  }
}
