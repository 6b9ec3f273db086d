package ai.orq.sdk.localserver;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one handler: tags every response with an {@code x-request-id}, checks the bearer key, maps
 * method and path to an operation and turns {@link ApiError}s into {@code {"message": ...}} bodies.
 * Unknown paths are 404; a known path with the wrong method is 405 with an {@code Allow} header.
 */
final class Router implements HttpHandler {
  private static final String COLLECTION = "/v2/conversations";
  private static final String LIST = COLLECTION + "/";

  private final byte[] expectedAuthorization;
  private final Ulid ulid;
  private final ConversationApi conversations;
  private final ResponseApi responses;

  Router(String apiKey, Ulid ulid, ConversationApi conversations, ResponseApi responses) {
    this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
    this.ulid = ulid;
    this.conversations = conversations;
    this.responses = responses;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      exchange.getResponseHeaders().set("x-request-id", ulid.next("req"));
      try {
        authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        route(exchange);
      } catch (ApiError e) {
        Exchanges.sendError(exchange, e.status(), e.getMessage());
      } catch (RuntimeException e) {
        Exchanges.sendError(exchange, 500, "Internal error in the local orq server: " + e);
      }
    } catch (IOException e) {
      // The client went away before we could answer: nothing more to do.
    } finally {
      exchange.close();
    }
  }

  private void authenticate(String authorization) {
    if (authorization == null) {
      throw ApiError.unauthorized("Missing Authorization header; expected \"Bearer <api key>\"");
    }
    byte[] given = authorization.getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, expectedAuthorization)) {
      throw ApiError.unauthorized("Invalid API key");
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    if (path.equals(LIST)) {
      allow(exchange, method, path, "GET");
      Exchanges.sendJson(exchange, 200, conversations.list(Exchanges.query(exchange)));
      return;
    }
    if (path.equals(COLLECTION)) {
      allow(exchange, method, path, "POST");
      Exchanges.sendJson(exchange, 201, conversations.create(body(exchange)));
      return;
    }
    String[] segments = path.startsWith(LIST) ? path.substring(LIST.length()).split("/", -1) : new String[0];
    if (segments.length == 0 || segments.length > 2 || segments[0].isEmpty()) {
      throw ApiError.notFound("No route for " + method + " " + path);
    }
    String id = Exchanges.decodePathSegment(segments[0]);
    if (segments.length == 1) {
      allow(exchange, method, path, "GET", "PATCH", "DELETE");
      if (method.equals("GET")) {
        Exchanges.sendJson(exchange, 200, conversations.retrieve(id));
      } else if (method.equals("PATCH")) {
        Exchanges.sendJson(exchange, 200, conversations.update(id, body(exchange)));
      } else {
        conversations.delete(id);
        Exchanges.sendNoContent(exchange);
      }
    } else if (segments[1].equals("generate-name")) {
      allow(exchange, method, path, "POST");
      Exchanges.sendJson(exchange, 200, conversations.generateName(id, body(exchange)));
    } else if (segments[1].equals("responses")) {
      allow(exchange, method, path, "POST");
      responses.respond(exchange, id, body(exchange));
    } else {
      throw ApiError.notFound("No route for " + method + " " + path);
    }
  }

  private static JsonObject body(HttpExchange exchange) throws IOException {
    return Json.parseObject(Exchanges.readBody(exchange));
  }

  /** Throws 405 (with an {@code Allow} header) unless {@code method} is one of {@code allowed}. */
  private static void allow(HttpExchange exchange, String method, String path, String... allowed) {
    for (String candidate : allowed) {
      if (candidate.equals(method)) {
        return;
      }
    }
    String list = String.join(", ", allowed);
    exchange.getResponseHeaders().set("Allow", list);
    String hint = path.equals(COLLECTION) && method.equals("GET") ? "; list conversations with GET " + LIST : "";
    throw ApiError.methodNotAllowed(
        "Method " + method + " is not allowed on " + path + " (allowed: " + list + ")" + hint);
  }
}
