package ai.orq.sdk;

/**
 * How much of each HTTP exchange the client logs, through OkHttp's logger ({@code
 * java.util.logging}, logger {@code okhttp3.OkHttpClient}, level INFO). The {@code Authorization}
 * header is always shown as {@code ██}.
 */
public enum LogLevel {
  /** Nothing. The default. */
  NONE,
  /** Request and response lines. */
  BASIC,
  /** Request and response lines and headers. */
  HEADERS,
  /** Request and response lines, headers and bodies. Bodies can hold personal data. */
  BODY
}
