package ai.orq.sdk.internal;

import ai.orq.sdk.errors.ResponseTooLargeException;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Not API. Response bodies as text, in the charset they declare, within a bound. (Apart from the
 * {@link ErrorMapper}, so that a successful call loads none of the error classes.)
 */
public final class BodyText {
  private static final ByteString UTF8_BOM = ByteString.decodeHex("efbbbf");

  private static volatile ContentCharset lastContentCharset =
      new ContentCharset("", StandardCharsets.UTF_8);

  private BodyText() {}

  /**
   * Loads the whole body of {@code response} into its source's buffer, past a UTF-8 byte order
   * mark, and returns the charset to decode it with; a ResponseTooLargeException past {@code
   * maxBytes} (unzipped).
   */
  public static Charset loadWhole(Response response, long maxBytes) throws IOException {
    ResponseBody body = response.body();
    BufferedSource source = body.source();
    if (source.request(maxBytes < Long.MAX_VALUE ? maxBytes + 1 : maxBytes)) {
      throw new ResponseTooLargeException("The response body", maxBytes);
    }
    if (source.rangeEquals(0, UTF8_BOM)) {
      source.skip(UTF8_BOM.size());
      return StandardCharsets.UTF_8;
    }
    return charsetOf(response, body);
  }

  /**
   * The charset of the body's media type, UTF-8 when it names none. Parsing a media type costs more
   * than a small body's bytes, so the last {@code Content-Type} header parsed is kept: a server
   * sends the same one every time. (A body without the header, made by an interceptor, says its
   * own.)
   */
  private static Charset charsetOf(Response response, ResponseBody body) {
    String header = response.header("Content-Type");
    if (header == null) {
      MediaType type = body.contentType();
      return type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    }
    ContentCharset last = lastContentCharset;
    if (!header.equals(last.header)) {
      MediaType type = MediaType.parse(header);
      last = new ContentCharset(header, type == null ? null : type.charset(null));
      lastContentCharset = last;
    }
    return last.charset;
  }

  /**
   * The first {@code maxBytes} of {@code body} as text, or what arrived of them before a failure.
   */
  static String readAtMost(Response response, ResponseBody body, long maxBytes) {
    Charset charset = charsetOf(response, body);
    BufferedSource source = body.source();
    try {
      source.request(maxBytes);
    } catch (IOException e) {
      // keep what arrived: the status must reach the caller even when the body breaks off
    }
    Buffer bounded = new Buffer();
    source.getBuffer().copyTo(bounded, 0, Math.min(source.getBuffer().size(), maxBytes));
    return bounded.readString(charset);
  }

  /** A {@code Content-Type} header and its charset. */
  private static final class ContentCharset {
    final String header;
    final Charset charset;

    ContentCharset(String header, @Nullable Charset charset) {
      this.header = header;
      this.charset = charset == null ? StandardCharsets.UTF_8 : charset;
    }
  }
}
