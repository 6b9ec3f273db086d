package ai.orq.sdk;

import static ai.orq.sdk.TestServers.errorJson;
import static ai.orq.sdk.TestServers.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ai.orq.sdk.errors.BadRequestException;
import ai.orq.sdk.errors.ConflictException;
import ai.orq.sdk.errors.InternalServerException;
import ai.orq.sdk.errors.InvalidResponseException;
import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.errors.OrqServiceException;
import ai.orq.sdk.errors.OrqTimeoutException;
import ai.orq.sdk.errors.PermissionDeniedException;
import ai.orq.sdk.errors.RateLimitException;
import ai.orq.sdk.errors.UnauthorizedException;
import ai.orq.sdk.errors.UnprocessableEntityException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every status family, undeclared error bodies, invalid success bodies and transport failures. */
class ErrorMappingTest {
  private static final String PATH = "/v2/conversations/conv_1";

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @AutoClose
  private final OrqClient client =
      TestServers.client(server, new RecordingScheduler()).maxRetries(0).build();

  static Stream<Arguments> statuses() {
    Object[][] table = {
      {400, BadRequestException.class, "HTTP 400 Bad Request"},
      {401, UnauthorizedException.class, "HTTP 401 Unauthorized"},
      {403, PermissionDeniedException.class, "HTTP 403 Forbidden"},
      {404, NotFoundException.class, "HTTP 404 Not Found"},
      {405, OrqServiceException.class, "HTTP 405"},
      {408, OrqServiceException.class, "HTTP 408 Request Timeout"},
      {409, ConflictException.class, "HTTP 409 Conflict"},
      {413, OrqServiceException.class, "HTTP 413 Payload Too Large"},
      {418, OrqServiceException.class, "HTTP 418"},
      {422, UnprocessableEntityException.class, "HTTP 422 Unprocessable Entity"},
      {429, RateLimitException.class, "HTTP 429 Too Many Requests"},
      {500, InternalServerException.class, "HTTP 500 Internal Server Error"},
      {502, InternalServerException.class, "HTTP 502 Bad Gateway"},
      {503, InternalServerException.class, "HTTP 503 Service Unavailable"},
      {504, InternalServerException.class, "HTTP 504 Gateway Timeout"},
      {599, InternalServerException.class, "HTTP 599"},
    };
    return Stream.of(Mode.values())
        .flatMap(mode -> Stream.of(table).map(row -> arguments(mode, row[0], row[1], row[2])));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("statuses")
  void eachStatusMapsToItsType(Mode mode, int status, Class<?> type, String statusLine) {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(errorJson(status, "{\"message\":\"boom\"}")));

    OrqServiceException e =
        assertThrows(
            OrqServiceException.class, () -> mode.run(client.conversations().retrieve("conv_1")));

    assertEquals(type, e.getClass());
    assertEquals(status, e.statusCode());
    assertEquals("boom", e.errorMessage());
    assertEquals("{\"message\":\"boom\"}", e.rawBody());
    assertEquals("req_123", e.requestId());
    assertEquals("application/json", e.headers().get("Content-Type"));
    assertEquals(statusLine + ": boom (request id req_123)", e.getMessage());
  }

  static Stream<Arguments> undeclaredBodies() {
    Object[][] table = {
      {
        502,
        "text/html",
        "<html>\n<body>Bad gateway</body>\n</html>",
        "HTTP 502 Bad Gateway: <html> <body>Bad gateway</body> </html> (request id req_123)"
      },
      {503, "text/plain", "", "HTTP 503 Service Unavailable (request id req_123)"},
      {
        500,
        "application/json",
        "{\"error\":{\"code\":\"E1\"}}",
        "HTTP 500 Internal Server Error: {\"error\":{\"code\":\"E1\"}} (request id req_123)"
      },
      {
        404,
        "application/json",
        "{\"message\":42}",
        "HTTP 404 Not Found: {\"message\":42} (request id req_123)"
      },
      {
        400,
        "application/json",
        "{\"message\":",
        "HTTP 400 Bad Request: {\"message\": (request id req_123)"
      },
    };
    return Stream.of(Mode.values())
        .flatMap(
            mode -> Stream.of(table).map(row -> arguments(mode, row[0], row[1], row[2], row[3])));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("undeclaredBodies")
  void anUndeclaredBodyNeverHidesTheStatus(
      Mode mode, int status, String contentType, String body, String message) {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", contentType)
                    .withHeader("x-request-id", "req_123")
                    .withBody(body)));

    OrqServiceException e =
        assertThrows(
            OrqServiceException.class, () -> mode.run(client.conversations().retrieve("conv_1")));

    assertEquals(status, e.statusCode());
    assertNull(e.errorMessage());
    assertEquals(body, e.rawBody());
    assertEquals(message, e.getMessage());
  }

  @Test
  void theRawBodyIsBoundedAndTheMessageShort() {
    String huge = "x".repeat(100_000);
    server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody(huge)));

    InternalServerException e =
        assertThrows(
            InternalServerException.class,
            () -> client.conversations().retrieve("conv_1").execute());

    assertEquals(64 * 1024, e.rawBody().length());
    assertEquals("HTTP 500 Internal Server Error: " + "x".repeat(200) + "...", e.getMessage());
    assertNull(e.requestId());
  }

  static Stream<Arguments> invalidSuccessBodies() {
    String[] bodies = {
      "<html>hello</html>",
      "",
      "null",
      "[1,2]",
      "\"text\"",
      "{\"data\":5}",
      "{\"object\":\"list\"} trailing",
      "{\"data\":[{\"createdAt\":\"yesterday\"}]}",
      "{}",
      "{\"status\":\"ok\"}",
      "{\"object\":\"list\",\"data\":[{}],\"has_more\":false}"
    };
    return Stream.of(Mode.values())
        .flatMap(mode -> Stream.of(bodies).map(body -> arguments(mode, body)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("invalidSuccessBodies")
  void anInvalidSuccessBodyIsAnInvalidResponse(Mode mode, String body) {
    server.stubFor(get(urlEqualTo("/v2/conversations/")).willReturn(okJson(body)));

    InvalidResponseException e =
        assertThrows(InvalidResponseException.class, () -> mode.run(client.conversations().list()));

    assertEquals(200, e.statusCode());
    assertEquals("req_123", e.requestId());
    assertEquals("application/json", e.headers().get("Content-Type"));
    assertEquals(body, e.bodySnippet());
    assertTrue(e.getMessage().startsWith("HTTP 200 with an invalid body: "), e.getMessage());
    assertTrue(e.getMessage().contains("ConversationPage"), e.getMessage());
    assertTrue(e.getMessage().endsWith("; body: '" + body + "'"), e.getMessage());
  }

  @Test
  void aSuccessBodyWithoutARequiredPropertyNamesIt() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                okJson(
                    "{\"_id\":\"conv_1\",\"kind\":\"conversation\",\"createdAt\":1,\"updatedAt\":2,\"messages\":[]}")));

    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () -> client.conversations().retrieve("conv_1").execute());

    assertTrue(
        e.getMessage().contains("the required property \"displayName\" is missing"),
        e.getMessage());
  }

  @Test
  void aNestedObjectWithoutARequiredPropertyIsNamedByItsPath() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                okJson(
                    Fixtures.WITH_MESSAGES.replace("\"text\":\"Hi!\"", "\"note\":\"no text\""))));

    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () -> client.conversations().retrieve("conv_1").execute());

    assertTrue(e.getMessage().contains("\"messages[1].parts[0].text\" is missing"), e.getMessage());
  }

  @Test
  void theSnippetOfAnInvalidBodyIsBounded() {
    server.stubFor(
        get(urlEqualTo("/v2/conversations/"))
            .willReturn(aResponse().withStatus(200).withBody("<p>" + "y".repeat(5000))));

    InvalidResponseException e =
        assertThrows(InvalidResponseException.class, () -> client.conversations().list().execute());

    assertEquals("<p>" + "y".repeat(1021) + "...", e.bodySnippet());
    assertNull(e.requestId());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRefusedConnectionIsAnIoException(Mode mode) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (OrqClient offline =
        OrqClient.builder()
            .apiKey(TestServers.API_KEY)
            .baseUrl("http://127.0.0.1:" + closedPort)
            .maxRetries(0)
            .build()) {

      OrqIoException e =
          assertThrows(
              OrqIoException.class, () -> mode.run(offline.conversations().retrieve("conv_1")));

      assertEquals(OrqIoException.class, e.getClass());
      assertInstanceOf(ConnectException.class, e.getCause());
      assertTrue(
          e.getMessage().startsWith("Request failed: java.net.ConnectException"), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSlowServerIsATimeout(Mode mode) {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES).withFixedDelay(2_000)));
    try (OrqClient impatient = client.newBuilder().timeout(Duration.ofMillis(300)).build()) {

      OrqTimeoutException e =
          assertThrows(
              OrqTimeoutException.class,
              () -> mode.run(impatient.conversations().retrieve("conv_1")));

      assertTrue(e.getMessage().startsWith("Request timed out"), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aServersMessageCannotForgeLogLines(Mode mode) {
    String forged =
        "not found\n2026-11-27 INFO  [main] login ok user=admin\r\u001b[2J" + "z".repeat(5_000);
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                errorJson(
                    404, new com.google.gson.Gson().toJson(java.util.Map.of("message", forged)))));

    NotFoundException e =
        assertThrows(
            NotFoundException.class, () -> mode.run(client.conversations().retrieve("conv_1")));

    assertTrue(
        e.getMessage()
            .startsWith(
                "HTTP 404 Not Found: not found\\n"
                    + "2026-11-27 INFO  [main] login ok user=admin\\r"
                    + "\\u001b[2J"),
        e.getMessage());
    assertTrue(
        e.getMessage().chars().noneMatch(c -> c < 0x20), "no control character in the message");
    assertTrue(e.getMessage().length() < 1_100, "cut: " + e.getMessage().length() + " characters");
    assertEquals(forged, e.errorMessage(), "the full text stays available");
    assertTrue(e.rawBody().contains("z".repeat(5_000)));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anUndeclaredBodyCannotForgeLogLinesEither(Mode mode) {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(errorJson(502, "bad\u0000gateway\u001b[31m")));

    OrqServiceException e =
        assertThrows(
            OrqServiceException.class, () -> mode.run(client.conversations().retrieve("conv_1")));

    assertEquals(
        "HTTP 502 Bad Gateway: bad\\u0000gateway\\u001b[31m (request id req_123)", e.getMessage());
  }
}
