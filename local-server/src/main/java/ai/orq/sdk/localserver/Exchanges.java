package ai.orq.sdk.localserver;

import com.google.gson.JsonElement;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reading requests from and writing responses to an {@link HttpExchange}. */
final class Exchanges {
  private Exchanges() {}

  static String readBody(HttpExchange exchange) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = exchange.getRequestBody()) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  /** Query parameters, percent-decoded; the first value wins when a name repeats. */
  static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> parameters = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return parameters;
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!parameters.containsKey(name)) {
        parameters.put(name, value);
      }
    }
    return parameters;
  }

  /** A percent-encoded path segment, in which a '+' is a plus sign, not a space. */
  static String decodePathSegment(String raw) {
    return decode(raw.replace("+", "%2B"));
  }

  /** A form-encoded query name or value, in which a '+' is a space. */
  static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, "UTF-8");
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Malformed percent-encoding in \"" + raw + "\"");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  static void sendJson(HttpExchange exchange, int status, JsonElement body) throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void sendNoContent(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(204, -1);
  }

  /** Sends {@code {"message": ...}} unless the response has already started. */
  static void sendError(HttpExchange exchange, int status, String message) throws IOException {
    if (exchange.getResponseCode() == -1) {
      sendJson(exchange, status, Json.message(message));
    }
  }
}
