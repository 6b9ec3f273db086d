package ai.orq.sdk.internal;

/** Not API. Argument checks whose messages name the argument. */
public final class Checks {
  private Checks() {}

  /** {@code value}, or an exception naming {@code name} when it is null or blank. */
  public static String requireNonBlank(String value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    if (value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** Whether {@code value} is all printable ASCII, as a header value must be. */
  public static boolean isPrintableAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /**
   * A conversation id fit to be one (percent-encoded) path segment: not {@code .} or {@code ..},
   * dot-segments that would change the path whatever their encoding.
   */
  public static String requireConversationId(String conversationId) {
    requireNonBlank(conversationId, "conversationId");
    if (conversationId.equals(".") || conversationId.equals("..")) {
      throw new IllegalArgumentException(
          "conversationId must not be '.' or '..', was '" + conversationId + "'");
    }
    return conversationId;
  }
}
