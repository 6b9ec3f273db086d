package ai.orq.sdk.localserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one handler: tags every response with an {@code x-request-id}, records the request, checks
 * the bearer key, maps method and path to an operation (by the method and path template of each
 * {@link Operation}, generated from the spec), answers a scripted error if one is queued for it,
 * and turns {@link ApiError}s into {@code {"message": ...}} bodies. Unknown paths are 404; a known
 * path with the wrong method is 405 with an {@code Allow} header.
 */
final class Router implements HttpHandler {
  /** Each operation's path template in segments, split once rather than on every request. */
  private static final Map<Operation, String[]> TEMPLATES = new EnumMap<>(Operation.class);

  static {
    for (Operation operation : Operation.values()) {
      TEMPLATES.put(operation, operation.pathTemplate().split("/", -1));
    }
  }

  private final byte[] expectedAuthorization;
  private final Ulid ulid;
  private final Map<Operation, Handler> handlers = new EnumMap<>(Operation.class);
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
    conversations.addHandlers(handlers);
    responses.addHandlers(handlers);
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

  /**
   * Answers the request of {@code operation} with its handler. An operation the spec gained has
   * none until {@link ConversationApi} or {@link ResponseApi} adds it: its requests are a 500
   * naming it, and {@code OperationTest} fails.
   */
  private void dispatch(HttpExchange exchange, Operation operation, String id, String body)
      throws IOException {
    Handler handler = handlers.get(operation);
    if (handler == null) {
      throw new IllegalStateException(
          "no handler for the operation " + operation + " (ConversationApi or ResponseApi)");
    }
    handler.handle(exchange, id, body);
  }

  /**
   * Where a method and path lead: the operation whose method and path template (from the spec)
   * match, with the path's parameters; or a 404 (no template matches the path) or a 405 (templates
   * match, of other methods).
   */
  private static Route route(String method, String path) {
    String[] segments = path.split("/", -1);
    StringBuilder allow = new StringBuilder();
    for (Operation operation : Operation.values()) {
      List<String> parameters = parameters(TEMPLATES.get(operation), segments);
      if (parameters == null) {
        continue;
      }
      if (operation.method().equals(method)) {
        return new Route(operation, parameters, method, path, null);
      }
      allow.append(allow.length() == 0 ? "" : ", ").append(operation.method());
    }
    return new Route(null, null, method, path, allow.length() == 0 ? null : allow.toString());
  }

  /**
   * The raw values of the parameters of a template's segments ({@code expected}) in the path's
   * segments, in order; null when the path does not match. A parameter matches one segment, never
   * an empty one.
   */
  private static List<String> parameters(String[] expected, String[] segments) {
    if (expected.length != segments.length) {
      return null;
    }
    List<String> parameters = new ArrayList<>();
    for (int i = 0; i < expected.length; i++) {
      if (expected[i].startsWith("{") && expected[i].endsWith("}")) {
        if (segments[i].isEmpty()) {
          return null;
        }
        parameters.add(segments[i]);
      } else if (!expected[i].equals(segments[i])) {
        return null;
      }
    }
    return parameters;
  }

  /**
   * Answers the request of one operation, past the key check and the script: {@code id} is the
   * decoded conversation id (null without one), {@code body} the body as received.
   */
  interface Handler {
    void handle(HttpExchange exchange, String id, String body) throws IOException;
  }

  private static final class Route {
    final Operation operation; // null when no route matches
    private final List<String> parameters; // raw, null when no route matches
    private final String method;
    private final String path;
    private final String allow; // the methods of a known path, null for an unknown one

    private Route(
        Operation operation, List<String> parameters, String method, String path, String allow) {
      this.operation = operation;
      this.parameters = parameters;
      this.method = method;
      this.path = path;
      this.allow = allow;
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
      Operation withSlash = route(method, path + "/").operation;
      String hint =
          withSlash == null ? "" : "; " + method + " " + path + "/ is " + withSlash.operationId();
      throw ApiError.methodNotAllowed(
          "Method " + method + " is not allowed on " + path + " (allowed: " + allow + ")" + hint);
    }

    /**
     * The first path parameter (the conversation id), percent-decoded (400 when malformed); null
     * for an operation without one.
     */
    String id() {
      return parameters.isEmpty() ? null : Exchanges.decodePathSegment(parameters.get(0));
    }
  }
}
