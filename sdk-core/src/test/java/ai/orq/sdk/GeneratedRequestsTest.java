package ai.orq.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.orq.sdk.generated.api.ConversationsApi;
import ai.orq.sdk.generated.api.ConversationsApiRequests;
import ai.orq.sdk.generated.internal.OperationRequest;
import ai.orq.sdk.internal.JsonModels;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.GenerateNameRequest;
import ai.orq.sdk.model.UpdateConversationRequest;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.Gson;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * The requests the core sends come from the generated {@link ConversationsApiRequests}, not from
 * Retrofit: for every method of the generated Retrofit interface, with random arguments (reserved,
 * percent, non-ASCII and control characters in path and query values), both build the same request
 * (method, URL, headers, body bytes and type), and a loopback server receives the same from each.
 */
class GeneratedRequestsTest {
  private static final String ALPHABET =
      "aZ09-._~!$&'()*+,;=:@/?#[]% \"<>^`{}|\\\t\néß€\uD83D\uDE00";

  /** A body per request model, built from random text. */
  private static final Map<Class<?>, Function<Random, Object>> BODIES =
      Map.of(
          CreateConversationRequest.class,
          random -> CreateConversationRequest.builder().projectId(text(random)).build(),
          GenerateNameRequest.class,
          random -> GenerateNameRequest.builder().context(text(random)).build(),
          UpdateConversationRequest.class,
          random -> UpdateConversationRequest.builder().displayName(text(random)).build(),
          CreateResponseRequest.class,
          random ->
              CreateResponseRequest.builder()
                  .model(text(random))
                  .message(Messages.userText(text(random)))
                  .build());

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final Gson gson = JsonModels.newGson();
  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void closeClient() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void everyOperationBuildsRetrofitsRequest() throws Exception {
    Random random = new Random(20261203);
    for (String base : List.of(server.baseUrl() + "/", server.baseUrl() + "/api/v1/")) {
      HttpUrl baseUrl = HttpUrl.get(base);
      ConversationsApi retrofit =
          new Retrofit.Builder()
              .baseUrl(baseUrl)
              .client(http)
              .addConverterFactory(GsonConverterFactory.create(gson))
              .build()
              .create(ConversationsApi.class);
      ConversationsApiRequests generated = new ConversationsApiRequests(baseUrl);
      for (Method method : ConversationsApi.class.getDeclaredMethods()) {
        Method twin =
            ConversationsApiRequests.class.getMethod(method.getName(), method.getParameterTypes());
        for (int round = 0; round < 100; round++) {
          Object[] arguments = arguments(method, random);
          Request expected = ((retrofit2.Call<?>) method.invoke(retrofit, arguments)).request();
          Request actual = (Request) twin.invoke(generated, arguments);
          String what = method.getName() + " with " + Arrays.toString(arguments);
          assertSame(expected, actual, what);
          assertEquals(method.getName(), OperationRequest.operationId(actual), what);
          if (round < 5) {
            assertSameOnTheWire(expected, actual, what);
          }
        }
      }
    }
  }

  @Test
  void aDotSegmentOrANullIsRefusedNamingTheParameter() {
    ConversationsApiRequests generated =
        new ConversationsApiRequests(HttpUrl.get(server.baseUrl() + "/"));
    for (String dots : List.of(".", "..")) {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> generated.retrieve(dots));
      assertEquals("path parameter conversation_id must not be " + dots, refused.getMessage());
    }
    assertEquals(
        "path parameter conversation_id == null",
        assertThrows(IllegalArgumentException.class, () -> generated.delete(null)).getMessage());
    assertEquals(
        "body parameter CreateConversationRequest == null",
        assertThrows(IllegalArgumentException.class, () -> generated.create(null)).getMessage());
  }

  private static Object[] arguments(Method method, Random random) {
    Class<?>[] types = method.getParameterTypes();
    Object[] arguments = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> type = types[i];
      boolean path = method.getParameterAnnotations()[i][0] instanceof retrofit2.http.Path;
      if (type == String.class) {
        arguments[i] = path || random.nextInt(4) > 0 ? pathText(random) : null;
      } else if (type == Integer.class) {
        arguments[i] = random.nextInt(4) > 0 ? random.nextInt(201) - 100 : null;
      } else {
        Function<Random, Object> body = BODIES.get(type);
        assertNotNull(body, "no random body for " + type.getSimpleName() + ": add one to BODIES");
        arguments[i] = body.apply(random);
      }
    }
    return arguments;
  }

  /** Random text that is not a dot segment (which both refuse). */
  private static String pathText(Random random) {
    String text;
    do {
      text = text(random);
    } while (text.equals(".") || text.equals(".."));
    return text;
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    int length = 1 + random.nextInt(12);
    while (text.length() < length) {
      int at = random.nextInt(ALPHABET.length());
      char c = ALPHABET.charAt(at);
      if (Character.isHighSurrogate(c)) {
        text.append(c).append(ALPHABET.charAt(at + 1));
      } else if (!Character.isLowSurrogate(c)) {
        text.append(c);
      }
    }
    return text.toString();
  }

  private static void assertSame(Request expected, Request actual, String what) throws IOException {
    assertEquals(expected.method(), actual.method(), what);
    assertEquals(expected.url(), actual.url(), what);
    assertEquals(expected.headers(), actual.headers(), what);
    assertEquals(expected.body() == null, actual.body() == null, what);
    if (expected.body() != null) {
      assertEquals(expected.body().contentType(), actual.body().contentType(), what);
      assertArrayEquals(bytes(expected), bytes(actual), what);
    }
  }

  private void assertSameOnTheWire(Request expected, Request actual, String what)
      throws IOException {
    server.resetAll();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    for (Request request : List.of(expected, actual)) {
      try (Response response = http.newCall(request).execute()) {
        assertEquals(204, response.code(), what);
      }
    }
    List<LoggedRequest> received = server.findAll(anyRequestedFor(anyUrl()));
    assertEquals(2, received.size(), what);
    LoggedRequest first = received.get(0);
    LoggedRequest second = received.get(1);
    assertEquals(first.getMethod(), second.getMethod(), what);
    assertEquals(first.getUrl(), second.getUrl(), what);
    assertArrayEquals(first.getBody(), second.getBody(), what);
    List<String> names = new ArrayList<>(first.getAllHeaderKeys());
    assertEquals(names.size(), second.getAllHeaderKeys().size(), what);
    for (String name : names) {
      assertEquals(first.getHeader(name), second.getHeader(name), what + ", header " + name);
    }
  }

  private static byte[] bytes(Request request) throws IOException {
    Buffer buffer = new Buffer();
    request.body().writeTo(buffer);
    return buffer.readByteArray();
  }
}
