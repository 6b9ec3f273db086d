package ai.orq.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
 * No operation or parameter of the spec can be forgotten by {@link Conversations}. Every operation
 * of the spec must be a method of the generated Retrofit interface, with every one of its
 * parameters; that interface is read reflectively, and each of its methods must be paired in {@link
 * #REACH} with facade calls which, run against a loopback server, must send that method's request
 * with every one of its parameters. A new operation or parameter in the spec makes this test fail,
 * naming it.
 */
class FacadeReachTest {
  /**
   * For each method of {@link ConversationsApi}: facade calls that together send every one of its
   * parameters, each sending one request. The server answers 404 to everything; only what arrives
   * is looked at.
   */
  private static final Map<String, List<Consumer<Conversations>>> REACH = Map.of(
      "list", List.of(
          call(c -> c.list(ListConversationsParams.builder()
              .limit(7).startingAfter("conv_after").endingBefore("conv_before").entityId("agent_1").build()))),
      "create", List.of(
          call(c -> c.create(CreateConversationRequest.builder().projectId("proj_1").build()))),
      "generateName", List.of(
          call(c -> c.generateName("conv_1", GenerateNameRequest.builder().context("Trip to Lisbon").build()))),
      "retrieve", List.of(
          call(c -> c.retrieve("conv_1"))),
      "update", List.of(
          call(c -> c.update("conv_1", UpdateConversationRequest.builder().displayName("Trip").build()))),
      "delete", List.of(
          call(c -> c.delete("conv_1"))),
      "createConversationResponse", List.of(
          c -> assertThrows(NotFoundException.class,
              () -> c.createConversationResponse("conv_1", streamRequest()).stream().count()),
          c -> assertInstanceOf(NotFoundException.class,
              c.createConversationResponseAsync("conv_1", streamRequest())
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
      for (Consumer<Conversations> call : REACH.getOrDefault(method.getName(), List.of())) {
        server.resetRequests();
        call.accept(client.conversations());
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
  void everySpecOperationIsGeneratedWithEveryParameter() throws IOException {
    Map<String, Method> generated = new TreeMap<>();
    for (Method method : ConversationsApi.class.getDeclaredMethods()) {
      generated.put(method.getName(), method);
    }
    Map<String, Map<String, Object>> operations = specOperations();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> entry : operations.entrySet()) {
      String operationId = entry.getKey();
      Method method = generated.get(operationId);
      if (method == null) {
        problems.add(operationId + ": in the spec but not in ConversationsApi");
        continue;
      }
      Set<String> declared = new TreeSet<>();
      for (Parameter parameter : method.getParameters()) {
        declared.add(specName(parameter));
      }
      for (String parameter : specParameters(entry.getValue())) {
        if (!declared.remove(parameter)) {
          problems.add(operationId + "(" + parameter + "): in the spec but not a parameter of ConversationsApi."
              + operationId);
        }
      }
      for (String parameter : declared) {
        problems.add(operationId + "(" + parameter + "): a parameter of ConversationsApi." + operationId
            + " that the spec does not list");
      }
    }
    for (String operationId : generated.keySet()) {
      if (!operations.containsKey(operationId)) {
        problems.add(operationId + ": in ConversationsApi but no longer in the spec");
      }
    }
    assertEquals(List.of(), problems, "spec operations and parameters ConversationsApi does not declare");
  }

  @Test
  void streamCallsSendTheRequestAsBuiltAndAskForAnEventStream() {
    String body = client.context().gson().toJson(streamRequest());
    assertTrue(body.contains("\"stream\":true"), body);
    for (Consumer<Conversations> call : REACH.get("createConversationResponse")) {
      server.resetRequests();
      call.accept(client.conversations());
      List<LoggedRequest> sent = TestServers.requests(server);
      assertEquals(1, sent.size(), "one stream request");
      assertEquals("/v2/conversations/conv_1/responses", sent.get(0).getUrl(), "the conversation id is in the path");
      assertEquals(body, sent.get(0).getBodyAsString(), "the request body is sent");
      assertEquals("text/event-stream", sent.get(0).getHeader("Accept"));
    }
  }

  /** A facade call that the server's 404 fails: what counts is the request. */
  private static Consumer<Conversations> call(Function<Conversations, OrqCall<?>> call) {
    return c -> assertThrows(NotFoundException.class, call.apply(c)::execute);
  }

  private static CreateResponseRequest streamRequest() {
    return CreateResponseRequest.builder().model("openai/gpt-4o").message(Messages.userText("Hello")).build();
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

  /** The spec's name of a generated parameter: its path, query or header name, or {@code body}. */
  private static String specName(Parameter parameter) {
    if (parameter.isAnnotationPresent(Path.class)) {
      return parameter.getAnnotation(Path.class).value();
    } else if (parameter.isAnnotationPresent(Query.class)) {
      return parameter.getAnnotation(Query.class).value();
    } else if (parameter.isAnnotationPresent(Header.class)) {
      return parameter.getAnnotation(Header.class).value();
    } else if (parameter.isAnnotationPresent(Body.class)) {
      return "body";
    }
    return fail("ConversationsApi parameter " + parameter + " has no annotation this test knows");
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
