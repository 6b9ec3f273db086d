package ai.orq.sdk.errors;

/**
 * Makes text from the server safe to put in an exception message, which ends up in logs: control
 * characters (line breaks included) become visible escapes such as {@code \n} or {@code \u001b}, so
 * that a server cannot forge log lines, and the text is cut to a length.
 */
final class SafeText {
  private SafeText() {}

  /**
   * {@code text} with control characters escaped, cut after {@code maxChars} characters of it (then
   * ending in {@code ...}).
   */
  static String forMessage(String text, int maxChars) {
    int end = Math.min(text.length(), maxChars);
    if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never cut a character in two
    }
    StringBuilder safe = new StringBuilder(end + 16);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n':
          safe.append("\\n");
          break;
        case '\r':
          safe.append("\\r");
          break;
        case '\t':
          safe.append("\\t");
          break;
        default:
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
            safe.append(String.format("\\u%04x", (int) c));
          } else {
            safe.append(c);
          }
      }
    }
    if (end < text.length()) {
      safe.append("...");
    }
    return safe.toString();
  }
}
