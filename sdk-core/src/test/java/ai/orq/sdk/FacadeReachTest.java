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
import ai.orq.sdk.generated.internal.OperationTable;
import ai.orq.sdk.internal.JsonModels;
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
 * No operation or parameter of the spec can be forgotten by {@link Conversations}. Every row of the
 * generated {@link OperationTable} must be a method of the generated Retrofit interface, with its
 * method, path and parameters; that interface is read reflectively, and each of its methods must be
 * paired in {@link #REACH} with facade calls which, run against a loopback server, must send that
 * method's request with every one of its parameters. A new operation or parameter in the spec makes
 * this test fail, naming it.
 */
class FacadeReachTest {
  /**
   * For each method of {@link ConversationsApi}: facade calls that together send every one of its
   * parameters, each sending one request. The server answers 404 to everything; only what arrives
   * is looked at.
   */
  private static final Map<String, List<Consumer<Conversations>>> REACH =
      Map.of(
          "list",
              List.of(
                  call(
                      c ->
                          c.list(
                              ListConversationsParams.builder()
                                  .limit(7)
                                  .startingAfter("conv_after")
                                  .endingBefore("conv_before")
                                  .entityId("agent_1")
                                  .build()))),
          "create",
              List.of(
                  call(
                      c ->
                          c.create(
                              CreateConversationRequest.builder().projectId("proj_1").build()))),
          "generateName",
              List.of(
                  call(
                      c ->
                          c.generateName(
                              "conv_1",
                              GenerateNameRequest.builder().context("Trip to Lisbon").build()))),
          "retrieve", List.of(call(c -> c.retrieve("conv_1"))),
          "update",
              List.of(
                  call(
                      c ->
                          c.update(
                              "conv_1",
                              UpdateConversationRequest.builder().displayName("Trip").build()))),
          "delete", List.of(call(c -> c.delete("conv_1"))),
          "createConversationResponse",
              List.of(
                  c ->
                      assertThrows(
                          NotFoundException.class,
                          () ->
                              c.createConversationResponse("conv_1", streamRequest()).stream()
                                  .count()),
                  c ->
                      assertInstanceOf(
                          NotFoundException.class,
                          c.createConversationResponseAsync("conv_1", streamRequest())
                              .subscribe(event -> {})
                              .onCompleteFuture()
                              .handle((done, failure) -> failure)
                              .join())));

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @AutoClose
  private final OrqClient client = TestServers.client(server, new RecordingScheduler()).build();

  @BeforeEach
  void answerNotFound() {
    server.stubFor(
        any(anyUrl()).willReturn(TestServers.errorJson(404, "{\"message\":\"nothing here\"}")));
  }

  @Test
  void everyOperationOfTheTableIsPairedWithFacadeCalls() {
    assertEquals(
        List.of(),
        unpaired(OperationTable.ROWS),
        "operations of the spec with no facade method in Conversations (add one, then pair it in"
            + " REACH)");
    Set<String> stale = new TreeSet<>(REACH.keySet());
    for (OperationTable.Row row : OperationTable.ROWS) {
      stale.remove(row.operationId);
    }
    assertEquals(Set.of(), stale, "REACH pairs operations that the spec no longer has");
  }

  @Test
  void anOperationTheSpecGainsIsNamedUntilPaired() {
    List<OperationTable.Row> grown = new ArrayList<>(OperationTable.ROWS);
    grown.add(
        new OperationTable.Row(
            "addReaction",
            "POST",
            "v2/conversations/{conversation_id}/reactions",
            List.of("conversation_id"),
            List.of(),
            "AddReactionRequest",
            "Conversation",
            false));
    assertEquals(
        List.of("addReaction (POST v2/conversations/{conversation_id}/reactions)"),
        unpaired(grown));
  }

  /** The rows of {@code table} that {@link #REACH} does not pair with facade calls. */
  private static List<String> unpaired(List<OperationTable.Row> table) {
    List<String> unpaired = new ArrayList<>();
    for (OperationTable.Row row : table) {
      if (!REACH.containsKey(row.operationId)) {
        unpaired.add(row.toString());
      }
    }
    return unpaired;
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
        assertTrue(
            endpoint.matches(request),
            "a facade call paired with ConversationsApi."
                + method.getName()
                + " ("
                + endpoint
                + ") sent "
                + request.getMethod()
                + " "
                + request.getUrl());
        sent.add(request);
      }
      for (Parameter parameter : method.getParameters()) {
        String name = method.getName() + "(" + describe(parameter) + ")";
        if (sent.stream().noneMatch(request -> endpoint.carries(request, parameter))) {
          missing.add(name);
        }
      }
    }
    assertEquals(
        List.of(),
        missing,
        "parameters of ConversationsApi that no facade call in REACH sends (reach them from"
            + " Conversations)");
  }

  @Test
  void everyOperationOfTheTableIsGeneratedAsItsRowSays() {
    Map<String, Method> generated = new TreeMap<>();
    for (Method method : ConversationsApi.class.getDeclaredMethods()) {
      generated.put(method.getName(), method);
    }
    List<String> problems = new ArrayList<>();
    for (OperationTable.Row row : OperationTable.ROWS) {
      Method method = generated.remove(row.operationId);
      if (method == null) {
        problems.add(row + ": in the spec but not in ConversationsApi");
        continue;
      }
      Endpoint endpoint = Endpoint.of(method);
      if (!endpoint.httpMethod.equals(row.method) || !endpoint.template.equals(row.path)) {
        problems.add(row + ": ConversationsApi." + row.operationId + " is " + endpoint);
      }
      List<String> declared = new ArrayList<>();
      for (Parameter parameter : method.getParameters()) {
        declared.add(specName(parameter));
      }
      List<String> expected = new ArrayList<>(row.pathParameters);
      expected.addAll(row.queryParameters);
      if (row.bodyType != null) {
        expected.add("body");
      }
      if (!new TreeSet<>(declared).equals(new TreeSet<>(expected))) {
        problems.add(
            row
                + ": parameters "
                + expected
                + " in the spec, "
                + declared
                + " in ConversationsApi");
      }
    }
    for (String operationId : generated.keySet()) {
      problems.add(operationId + ": in ConversationsApi but not in the table of operations");
    }
    assertEquals(List.of(), problems, "the table of operations and ConversationsApi disagree");
  }

  /**
   * The generator skips operations marked {@code x-internal}: the table must still have them all.
   */
  @Test
  @SuppressWarnings("unchecked")
  void everyOperationIdOfTheSpecIsInTheTable() throws IOException {
    Map<String, Object> spec;
    try (InputStream in =
        Files.newInputStream(
            Paths.get(System.getProperty("orq.spec.file", "../openapi/conversations.yaml")))) {
      spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
    Set<String> inSpec = new TreeSet<>();
    for (Object item : ((Map<String, Object>) spec.get("paths")).values()) {
      for (Object operation : ((Map<String, Object>) item).values()) {
        if (operation instanceof Map
            && ((Map<String, Object>) operation).containsKey("operationId")) {
          inSpec.add((String) ((Map<String, Object>) operation).get("operationId"));
        }
      }
    }
    Set<String> inTable = new TreeSet<>();
    for (OperationTable.Row row : OperationTable.ROWS) {
      inTable.add(row.operationId);
    }
    assertEquals(inSpec, inTable, "the spec's operationIds and the generated table of operations");
  }

  @Test
  void streamCallsSendTheRequestAsBuiltAndAskForAnEventStream() {
    String body = JsonModels.newGson().toJson(streamRequest());
    assertTrue(body.contains("\"stream\":true"), body);
    for (Consumer<Conversations> call : REACH.get("createConversationResponse")) {
      server.resetRequests();
      call.accept(client.conversations());
      List<LoggedRequest> sent = TestServers.requests(server);
      assertEquals(1, sent.size(), "one stream request");
      assertEquals(
          "/v2/conversations/conv_1/responses",
          sent.get(0).getUrl(),
          "the conversation id is in the path");
      assertEquals(body, sent.get(0).getBodyAsString(), "the request body is sent");
      assertEquals("text/event-stream", sent.get(0).getHeader("Accept"));
    }
  }

  /** A facade call that the server's 404 fails: what counts is the request. */
  private static Consumer<Conversations> call(Function<Conversations, OrqCall<?>> call) {
    return c -> assertThrows(NotFoundException.class, call.apply(c)::execute);
  }

  private static CreateResponseRequest streamRequest() {
    return CreateResponseRequest.builder()
        .model("openai/gpt-4o")
        .message(Messages.userText("Hello"))
        .build();
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
      return fail(
          "ConversationsApi." + method.getName() + " has an HTTP method this test does not know");
    }

    boolean matches(LoggedRequest request) {
      return request.getMethod().getName().equals(httpMethod)
          && path.matcher(request.getUrl()).matches();
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
