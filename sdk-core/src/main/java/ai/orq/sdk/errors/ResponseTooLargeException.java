package ai.orq.sdk.errors;

/**
 * The server sent more than the client reads: a response body, or one event of a stream, larger
 * than {@code OrqClient.Builder.maxResponseBytes} (16 MiB unless configured), counted after
 * decompression; or as many bytes of HTTP/1.1 framing (status line, headers, chunk-size lines)
 * without a body byte. The rest was not read; the connection is closed. {@code ResponseAccumulator}
 * throws it too, when the text it assembles passes its own limit.
 */
public final class ResponseTooLargeException extends OrqException {
  private static final long serialVersionUID = 1L;
  private final long limitBytes;

  /**
   * @param what what was too large, for the message, such as "the response body"
   */
  public ResponseTooLargeException(String what, long limitBytes) {
    this(what, limitBytes, "OrqClient.Builder.maxResponseBytes");
  }

  /**
   * @param what what was too large, for the message, such as "the assembled text"
   * @param setting the setting that sets the limit, for the message
   */
  public ResponseTooLargeException(String what, long limitBytes, String setting) {
    super(
        String.format("%s is larger than the limit of %s bytes (%s)", what, limitBytes, setting),
        null);
    this.limitBytes = limitBytes;
  }

  /** The limit that was exceeded, in bytes. */
  public long limitBytes() {
    return limitBytes;
  }
}
