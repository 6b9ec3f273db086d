package ai.orq.sdk.localserver;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as the server received it, taken with {@link LocalOrqServer#takeRequest()}: method,
 * path, query, headers and body. Every request is recorded, also those answered with an error.
 * Immutable.
 */
public final class RecordedRequest {
  private final int sequenceNumber;
  private final String method;
  private final String path;
  private final Map<String, String> query;
  private final Map<String, List<String>> headers;
  private final String body;
  private final Operation operation;

  RecordedRequest(
      int sequenceNumber,
      String method,
      String path,
      Map<String, String> query,
      Map<String, List<String>> headers,
      String body,
      Operation operation) {
    this.sequenceNumber = sequenceNumber;
    this.method = method;
    this.path = path;
    this.query = Collections.unmodifiableMap(query);
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      copy.put(header.getKey(), Collections.unmodifiableList(new ArrayList<>(header.getValue())));
    }
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body;
    this.operation = operation;
  }

  /** The position of this request among all the server received, from 0. */
  public int sequenceNumber() {
    return sequenceNumber;
  }

  /** The HTTP method, e.g. {@code "POST"}. */
  public String method() {
    return method;
  }

  /** The path as sent, without the query, e.g. {@code "/v2/conversations/conv_01.../responses"}. */
  public String path() {
    return path;
  }

  /** The percent-decoded query parameter {@code name}, or null when absent. */
  public String queryParameter(String name) {
    return query.get(name);
  }

  /** The first value of header {@code name} (any case), or null when absent. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every header, by name in any case; unmodifiable. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The body as UTF-8 text; empty when there was none. */
  public String body() {
    return body;
  }

  /**
   * The body parsed as a JSON object, a fresh copy on each call.
   *
   * @throws IllegalStateException when the body is not a JSON object
   */
  public JsonObject jsonBody() {
    try {
      JsonElement element = JsonParser.parseString(body);
      if (element.isJsonObject()) {
        return element.getAsJsonObject();
      }
    } catch (JsonParseException e) {
      throw new IllegalStateException("The body of " + this + " is not JSON: " + body, e);
    }
    throw new IllegalStateException("The body of " + this + " is not a JSON object: " + body);
  }

  /** The operation the method and path name, or null when they name none (a 404 or 405). */
  public Operation operation() {
    return operation;
  }

  /** Method and path, e.g. {@code "POST /v2/conversations"}; never the headers. */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
