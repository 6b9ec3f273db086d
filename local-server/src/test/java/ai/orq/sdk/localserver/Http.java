package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP/1.1 client for talking to a {@link LocalOrqServer} in tests. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final String baseUrl;
  private final String apiKey;

  Http(LocalOrqServer server) {
    this.baseUrl = server.baseUrl();
    this.apiKey = server.apiKey();
  }

  static HttpClient client() {
    return CLIENT;
  }

  /** A request to {@code path} (no leading slash) carrying the server's bearer key. */
  HttpRequest request(String method, String path, String body) {
    return request(method, path, body, "Bearer " + apiKey);
  }

  HttpRequest request(String method, String path, String body, String authorization) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder.build();
  }

  HttpResponse<String> send(String method, String path, String body) {
    return send(request(method, path, body));
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }

  HttpResponse<String> post(String path, String body) {
    return send("POST", path, body);
  }

  HttpResponse<String> patch(String path, String body) {
    return send("PATCH", path, body);
  }

  HttpResponse<String> delete(String path) {
    return send("DELETE", path, null);
  }

  /** Creates a conversation, asserting 201, and returns it. */
  JsonObject create(String body) {
    HttpResponse<String> response = post("v2/conversations", body);
    assertEquals(201, response.statusCode(), response.body());
    return json(response);
  }

  JsonObject createStandalone() {
    return create("{\"projectId\":\"prj_1\"}");
  }

  /** Posts to the responses endpoint and returns every {@code data:} payload in order. */
  List<String> stream(String conversationId, String body) {
    HttpResponse<String> response = post("v2/conversations/" + conversationId + "/responses", body);
    assertEquals(200, response.statusCode(), response.body());
    return dataLines(response.body());
  }

  static List<String> dataLines(String sse) {
    List<String> data = new ArrayList<>();
    for (String line : sse.split("\n")) {
      if (line.startsWith("data: ")) {
        data.add(line.substring("data: ".length()));
      }
    }
    return data;
  }

  /**
   * Sends a hand-written request head (request line and headers, each ending in CRLF) over a plain
   * socket, with {@code Connection: close}, and returns the whole response as text.
   */
  static String raw(LocalOrqServer server, String head) {
    URI uri = URI.create(server.baseUrl());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (head + "Host: " + uri.getAuthority() + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static JsonObject json(HttpResponse<String> response) {
    return parse(response.body()).getAsJsonObject();
  }

  static JsonElement parse(String json) {
    return JsonParser.parseString(json);
  }

  /** Asserts an error status with a JSON {@code {"message": ...}} body and returns the message. */
  static String error(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
    JsonObject body = json(response);
    assertEquals(1, body.size(), response.body());
    return body.get("message").getAsString();
  }

  static String userMessage(String text, String model) {
    return "{\"message\":{\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\""
        + text
        + "\"}]},"
        + "\"model\":\""
        + model
        + "\"}";
  }
}
