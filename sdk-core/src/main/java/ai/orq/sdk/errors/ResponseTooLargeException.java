package ai.orq.sdk.errors;

/**
 * The server sent more than the client reads: a response body, or one event of a stream, larger
 * than {@code OrqClient.Builder.maxResponseBytes} (16 MiB unless configured), counted after
 * decompression. The rest was not read; the connection is closed.
 */
public final class ResponseTooLargeException extends OrqException {
  private static final long serialVersionUID = 1L;
  private final long limitBytes;

  /**
   * @param what what was too large, for the message, such as "the response body"
   */
  public ResponseTooLargeException(String what, long limitBytes) {
    super(
        String.format(
            "%s is larger than the limit of %s bytes (OrqClient.Builder.maxResponseBytes)",
            what, limitBytes),
        null);
    this.limitBytes = limitBytes;
  }

  /** The limit that was exceeded, in bytes. */
  public long limitBytes() {
    return limitBytes;
  }
}
