package ai.orq.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.generated.api.ConversationsApi;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.GenerateNameRequest;
import ai.orq.sdk.model.UpdateConversationRequest;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * No operation or parameter of the spec can be forgotten by {@link Conversations}. The generated
 * Retrofit interface is read reflectively; each of its methods must be paired in {@link #REACH}
 * with facade calls, and those calls, run against a loopback server, must send that method's
 * request with every one of its parameters. An operation the generator skips ({@code x-internal},
 * read from the spec) must be paired in {@link #STREAMED} with the facade method that hands it to
 * the streaming module. A new operation or parameter in the spec makes this test fail, naming it.
 */
class FacadeReachTest {
  /**
   * For each method of {@link ConversationsApi}: facade calls that together send every one of its
   * parameters. The server answers 404 to everything; only what arrives is looked at.
   */
  private static final Map<String, List<Function<Conversations, OrqCall<?>>>> REACH = Map.of(
      "list", List.of(
          c -> c.list(ListConversationsParams.builder()
              .limit(7).startingAfter("conv_after").endingBefore("conv_before").entityId("agent_1").build())),
      "create", List.of(
          c -> c.create(new CreateConversationRequest().projectId("proj_1"))),
      "generateName", List.of(
          c -> c.generateName("conv_1", new GenerateNameRequest().context("Trip to Lisbon"))),
      "retrieve", List.of(
          c -> c.retrieve("conv_1")),
      "update", List.of(
          c -> c.update("conv_1", new UpdateConversationRequest().displayName("Trip"))),
      "delete", List.of(
          c -> c.delete("conv_1")));

  /**
   * For each {@code x-internal} operation (no generated method): the facade calls that reach it,
   * and the spec parameters the streaming module is handed ({@code body} for the request body).
   */
  private static final Map<String, Streamed> STREAMED = Map.of(
      "createConversationResponse", new Streamed(Set.of("conversation_id", "body"), List.of(
          c -> c.createConversationResponse("conv_1", streamRequest()).stream().count(),
          c -> c.createConversationResponseAsync("conv_1", streamRequest())
              .subscribe(event -> {}).onCompleteFuture().handle((done, failure) -> failure).join())));

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @AutoClose private final OrqClient client = TestServers.client(server, new RecordingScheduler()).build();

  @BeforeEach
  void answerNotFound() {
    server.stubFor(any(anyUrl()).willReturn(TestServers.errorJson(404, "{\"message\":\"nothing here\"}")));
  }

  @Test
  void everyGeneratedMethodIsPairedWithFacadeCalls() {
    Set<String> generated = new TreeSet<>();
    for (Method method : ConversationsApi.class.getDeclaredMethods()) {
      generated.add(method.getName());
    }
    Set<String> unpaired = new TreeSet<>(generated);
    unpaired.removeAll(REACH.keySet());
    assertEquals(Set.of(), unpaired,
        "ConversationsApi operations with no facade method in Conversations (add one, then pair it in REACH)");
    Set<String> stale = new TreeSet<>(REACH.keySet());
    stale.removeAll(generated);
    assertEquals(Set.of(), stale, "REACH pairs operations that ConversationsApi no longer has");
  }

  @Test
  void facadeCallsSendEveryParameterOfTheGeneratedMethod() {
    List<String> missing = new ArrayList<>();
    for (Method method : sortedApiMethods()) {
      Endpoint endpoint = Endpoint.of(method);
      List<LoggedRequest> sent = new ArrayList<>();
      for (Function<Conversations, OrqCall<?>> call : REACH.getOrDefault(method.getName(), List.of())) {
        server.resetRequests();
        OrqCall<?> orqCall = call.apply(client.conversations());
        assertThrows(NotFoundException.class, orqCall::execute);
        List<LoggedRequest> requests = TestServers.requests(server);
        assertEquals(1, requests.size(), method.getName() + ": one facade call, one request");
        LoggedRequest request = requests.get(0);
        assertTrue(endpoint.matches(request), "a facade call paired with ConversationsApi." + method.getName()
            + " (" + endpoint + ") sent " + request.getMethod() + " " + request.getUrl());
        sent.add(request);
      }
      for (Parameter parameter : method.getParameters()) {
        String name = method.getName() + "(" + describe(parameter) + ")";
        if (sent.stream().noneMatch(request -> endpoint.carries(request, parameter))) {
          missing.add(name);
        }
      }
    }
    assertEquals(List.of(), missing,
        "parameters of ConversationsApi that no facade call in REACH sends (reach them from Conversations)");
  }

  @Test
  void everySpecOperationIsGeneratedOrStreamed() throws IOException {
    Set<String> generated = new TreeSet<>();
    for (Method method : ConversationsApi.class.getDeclaredMethods()) {
      generated.add(method.getName());
    }
    Map<String, Map<String, Object>> operations = specOperations();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> entry : operations.entrySet()) {
      String operationId = entry.getKey();
      boolean internal = Boolean.TRUE.equals(entry.getValue().get("x-internal"));
      if (!internal && !generated.contains(operationId)) {
        problems.add(operationId + ": in the spec but not in ConversationsApi");
      }
      if (internal && !STREAMED.containsKey(operationId)) {
        problems.add(operationId + ": x-internal, and no facade method in Conversations reaches it"
            + " (add one, then pair it in STREAMED)");
      }
      if (internal && STREAMED.containsKey(operationId)) {
        for (String parameter : specParameters(entry.getValue())) {
          if (!STREAMED.get(operationId).handedOver.contains(parameter)) {
            problems.add(operationId + "(" + parameter + "): not handed to the streaming module");
          }
        }
      }
    }
    for (String operationId : STREAMED.keySet()) {
      if (!operations.containsKey(operationId)) {
        problems.add(operationId + ": paired in STREAMED but no longer in the spec");
      }
    }
    assertEquals(List.of(), problems, "spec operations the facade does not reach");
  }

  @Test
  void streamedOperationsSendTheirArguments() {
    String body = client.context().gson().toJson(streamRequest().stream(true));
    for (Map.Entry<String, Streamed> entry : new TreeMap<>(STREAMED).entrySet()) {
      for (Consumer<Conversations> call : entry.getValue().calls) {
        server.resetRequests();
        try {
          call.accept(client.conversations());
        } catch (NotFoundException expected) {
          // the answer of the stub: what counts is the request
        }
        List<LoggedRequest> sent = TestServers.requests(server);
        assertEquals(1, sent.size(), entry.getKey() + ": one stream request");
        assertEquals("/v2/conversations/conv_1/responses", sent.get(0).getUrl(),
            entry.getKey() + ": the conversation id is in the path");
        assertEquals(body, sent.get(0).getBodyAsString(), entry.getKey() + ": the request body is sent");
      }
    }
  }

  private static CreateResponseRequest streamRequest() {
    return new CreateResponseRequest().model("openai/gpt-4o").message(Messages.userText("Hello"));
  }

  private static List<Method> sortedApiMethods() {
    List<Method> methods = new ArrayList<>(List.of(ConversationsApi.class.getDeclaredMethods()));
    methods.sort((a, b) -> a.getName().compareTo(b.getName()));
    return methods;
  }

  private static String describe(Parameter parameter) {
    for (Annotation annotation : parameter.getAnnotations()) {
      if (annotation instanceof Path) {
        return "@Path " + ((Path) annotation).value();
      } else if (annotation instanceof Query) {
        return "@Query " + ((Query) annotation).value();
      } else if (annotation instanceof Header) {
        return "@Header " + ((Header) annotation).value();
      } else if (annotation instanceof Body) {
        return "@Body " + parameter.getType().getSimpleName();
      }
    }
    return parameter.toString();
  }

  /** operationId to operation, over every path and method of the spec. */
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> specOperations() throws IOException {
    Map<String, Object> spec;
    try (InputStream in = Files.newInputStream(Paths.get(System.getProperty("orq.spec.file", "../openapi/conversations.yaml")))) {
      spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
    Map<String, Map<String, Object>> operations = new TreeMap<>();
    Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
    for (Object item : paths.values()) {
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) item).entrySet()) {
        if (entry.getValue() instanceof Map && ((Map<String, Object>) entry.getValue()).containsKey("operationId")) {
          Map<String, Object> operation = (Map<String, Object>) entry.getValue();
          Map<String, Object> withPathParameters = new LinkedHashMap<>(operation);
          List<Object> parameters = new ArrayList<>();
          Object shared = ((Map<String, Object>) item).get("parameters");
          if (shared != null) {
            parameters.addAll((List<Object>) shared);
          }
          if (operation.get("parameters") != null) {
            parameters.addAll((List<Object>) operation.get("parameters"));
          }
          withPathParameters.put("parameters", resolve(spec, parameters));
          operations.put((String) operation.get("operationId"), withPathParameters);
        }
      }
    }
    return operations;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> resolve(Map<String, Object> spec, List<Object> parameters) {
    List<Map<String, Object>> resolved = new ArrayList<>();
    for (Object parameter : parameters) {
      Map<String, Object> map = (Map<String, Object>) parameter;
      Object ref = map.get("$ref");
      if (ref != null) {
        Object node = spec;
        for (String segment : ((String) ref).substring(2).split("/")) {
          node = ((Map<String, Object>) node).get(segment);
        }
        map = (Map<String, Object>) node;
      }
      resolved.add(map);
    }
    return resolved;
  }

  /** The names of an operation's parameters, and {@code body} when it has a request body. */
  @SuppressWarnings("unchecked")
  private static List<String> specParameters(Map<String, Object> operation) {
    List<String> names = new ArrayList<>();
    for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.get("parameters")) {
      names.add((String) parameter.get("name"));
    }
    if (operation.containsKey("requestBody")) {
      names.add("body");
    }
    return names;
  }

  private static final class Streamed {
    final Set<String> handedOver;
    final List<Consumer<Conversations>> calls;

    Streamed(Set<String> handedOver, List<Consumer<Conversations>> calls) {
      this.handedOver = handedOver;
      this.calls = calls;
    }
  }

  /** The HTTP method and path template of a generated method, from its Retrofit annotations. */
  private static final class Endpoint {
    final String httpMethod;
    final String template;
    final Pattern path;

    private Endpoint(String httpMethod, String template) {
      this.httpMethod = httpMethod;
      this.template = template;
      this.path = Pattern.compile("/" + template.replaceAll("\\{[^}]+}", "[^/?]+") + "(\\?.*)?");
    }

    static Endpoint of(Method method) {
      if (method.isAnnotationPresent(GET.class)) {
        return new Endpoint("GET", method.getAnnotation(GET.class).value());
      } else if (method.isAnnotationPresent(POST.class)) {
        return new Endpoint("POST", method.getAnnotation(POST.class).value());
      } else if (method.isAnnotationPresent(PATCH.class)) {
        return new Endpoint("PATCH", method.getAnnotation(PATCH.class).value());
      } else if (method.isAnnotationPresent(PUT.class)) {
        return new Endpoint("PUT", method.getAnnotation(PUT.class).value());
      } else if (method.isAnnotationPresent(DELETE.class)) {
        return new Endpoint("DELETE", method.getAnnotation(DELETE.class).value());
      }
      return fail("ConversationsApi." + method.getName() + " has an HTTP method this test does not know");
    }

    boolean matches(LoggedRequest request) {
      return request.getMethod().getName().equals(httpMethod) && path.matcher(request.getUrl()).matches();
    }

    /** Whether {@code request} carries a value for {@code parameter}. */
    boolean carries(LoggedRequest request, Parameter parameter) {
      if (parameter.isAnnotationPresent(Path.class)) {
        return matches(request);
      } else if (parameter.isAnnotationPresent(Query.class)) {
        String name = parameter.getAnnotation(Query.class).value();
        return request.getQueryParams().containsKey(name)
            && !request.queryParameter(name).firstValue().isEmpty();
      } else if (parameter.isAnnotationPresent(Header.class)) {
        return request.containsHeader(parameter.getAnnotation(Header.class).value());
      } else if (parameter.isAnnotationPresent(Body.class)) {
        String body = request.getBodyAsString();
        return body.startsWith("{") && body.length() > 2;
      }
      return false;
    }

    @Override
    public String toString() {
      return httpMethod + " " + template;
    }
  }
}
