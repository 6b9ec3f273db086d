package ai.orq.sdk.localserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one handler: tags every response with an {@code x-request-id}, records the request, checks
 * the bearer key, maps method and path to an operation, answers a scripted error if one is queued
 * for it, and turns {@link ApiError}s into {@code {"message": ...}} bodies. Unknown paths are 404;
 * a known path with the wrong method is 405 with an {@code Allow} header.
 */
final class Router implements HttpHandler {
  private static final String COLLECTION = "/v2/conversations";
  private static final String LIST = COLLECTION + "/";

  private final byte[] expectedAuthorization;
  private final Ulid ulid;
  private final ConversationApi conversations;
  private final ResponseApi responses;
  private final Script script;

  /** Null when requests are not recorded. */
  private final BlockingQueue<RecordedRequest> recorded;

  private final AtomicInteger sequence;

  Router(
      String apiKey,
      Ulid ulid,
      ConversationApi conversations,
      ResponseApi responses,
      Script script,
      BlockingQueue<RecordedRequest> recorded,
      AtomicInteger sequence) {
    this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
    this.ulid = ulid;
    this.conversations = conversations;
    this.responses = responses;
    this.script = script;
    this.recorded = recorded;
    this.sequence = sequence;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      exchange.getResponseHeaders().set("x-request-id", ulid.next("req"));
      try {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String body = Exchanges.readBody(exchange);
        Route route = route(method, path);
        record(exchange, sequence.getAndIncrement(), method, path, body, route.operation);
        authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        route.check(exchange);
        ScriptedError error = script.nextError(route.operation);
        if (error != null) {
          for (int i = 0; i < error.headers.size(); i += 2) {
            exchange.getResponseHeaders().add(error.headers.get(i), error.headers.get(i + 1));
          }
          Exchanges.sendJson(exchange, error.status, Json.message(error.message));
          return;
        }
        dispatch(exchange, route.operation, route.id(), body);
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

  private void record(
      HttpExchange exchange,
      int number,
      String method,
      String path,
      String body,
      Operation operation) {
    if (recorded == null) {
      return;
    }
    recorded.add(
        new RecordedRequest(
            number,
            method,
            path,
            Exchanges.query(exchange),
            exchange.getRequestHeaders(),
            body,
            operation));
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

  private void dispatch(HttpExchange exchange, Operation operation, String id, String body)
      throws IOException {
    switch (operation) {
      case LIST:
        Exchanges.sendJson(exchange, 200, conversations.list(Exchanges.query(exchange)));
        break;
      case CREATE:
        Exchanges.sendJson(exchange, 201, conversations.create(Json.parseObject(body)));
        break;
      case RETRIEVE:
        Exchanges.sendJson(exchange, 200, conversations.retrieve(id));
        break;
      case UPDATE:
        Exchanges.sendJson(exchange, 200, conversations.update(id, Json.parseObject(body)));
        break;
      case DELETE:
        conversations.delete(id);
        Exchanges.sendNoContent(exchange);
        break;
      case GENERATE_NAME:
        Exchanges.sendJson(exchange, 200, conversations.generateName(id, Json.parseObject(body)));
        break;
      case CREATE_RESPONSE:
        responses.respond(exchange, id, Json.parseObject(body));
        break;
    }
  }

  /**
   * Where a method and path lead: an operation (and conversation id), or a 404 or 405 to answer.
   */
  private static Route route(String method, String path) {
    if (path.equals(LIST)) {
      return Route.of(method, path, null, Operation.LIST);
    }
    if (path.equals(COLLECTION)) {
      return Route.of(method, path, null, Operation.CREATE);
    }
    String[] segments =
        path.startsWith(LIST) ? path.substring(LIST.length()).split("/", -1) : new String[0];
    if (segments.length == 0 || segments.length > 2 || segments[0].isEmpty()) {
      return Route.notFound(method, path);
    }
    if (segments.length == 1) {
      return Route.of(
          method, path, segments[0], Operation.RETRIEVE, Operation.UPDATE, Operation.DELETE);
    } else if (segments[1].equals("generate-name")) {
      return Route.of(method, path, segments[0], Operation.GENERATE_NAME);
    } else if (segments[1].equals("responses")) {
      return Route.of(method, path, segments[0], Operation.CREATE_RESPONSE);
    }
    return Route.notFound(method, path);
  }

  private static final class Route {
    final Operation operation; // null when no route matches
    private final String rawId;
    private final String method;
    private final String path;
    private final String allow; // the methods of a known path, null for an unknown one

    private Route(Operation operation, String rawId, String method, String path, String allow) {
      this.operation = operation;
      this.rawId = rawId;
      this.method = method;
      this.path = path;
      this.allow = allow;
    }

    static Route of(String method, String path, String rawId, Operation... candidates) {
      StringBuilder allow = new StringBuilder();
      for (Operation candidate : candidates) {
        String candidateMethod = methodOf(candidate);
        if (candidateMethod.equals(method)) {
          return new Route(candidate, rawId, method, path, null);
        }
        allow.append(allow.length() == 0 ? "" : ", ").append(candidateMethod);
      }
      return new Route(null, rawId, method, path, allow.toString());
    }

    static Route notFound(String method, String path) {
      return new Route(null, null, method, path, null);
    }

    /** Throws the 404 or 405 of a method and path that name no operation. */
    void check(HttpExchange exchange) {
      if (operation != null) {
        return;
      }
      if (allow == null) {
        throw ApiError.notFound("No route for " + method + " " + path);
      }
      exchange.getResponseHeaders().set("Allow", allow);
      String hint =
          path.equals(COLLECTION) && method.equals("GET")
              ? "; list conversations with GET " + LIST
              : "";
      throw ApiError.methodNotAllowed(
          "Method " + method + " is not allowed on " + path + " (allowed: " + allow + ")" + hint);
    }

    /** The conversation id, percent-decoded (400 when malformed); null for list and create. */
    String id() {
      return rawId == null ? null : Exchanges.decodePathSegment(rawId);
    }

    private static String methodOf(Operation operation) {
      switch (operation) {
        case LIST:
        case RETRIEVE:
          return "GET";
        case UPDATE:
          return "PATCH";
        case DELETE:
          return "DELETE";
        default:
          return "POST";
      }
    }
  }
}
