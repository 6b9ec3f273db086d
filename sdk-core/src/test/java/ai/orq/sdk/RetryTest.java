package ai.orq.sdk;

import static ai.orq.sdk.TestServers.errorJson;
import static ai.orq.sdk.TestServers.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ai.orq.sdk.errors.InternalServerException;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.errors.OrqServiceException;
import ai.orq.sdk.errors.RateLimitException;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.GenerateNameRequest;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retries, sync and async alike. The delays the client asks for are recorded by a {@link
 * RecordingScheduler}, which runs the retries at once: no test sleeps.
 */
class RetryTest {
  private static final String PATH = "/v2/conversations/conv_1";

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final RecordingScheduler scheduler = new RecordingScheduler();
  @AutoClose private final OrqClient client = TestServers.client(server, scheduler).build();

  static Stream<Arguments> retryableStatuses() {
    int[] statuses = {408, 409, 429, 500, 502, 503, 504};
    return Stream.of(Mode.values())
        .flatMap(mode -> Arrays.stream(statuses).mapToObj(status -> arguments(mode, status)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("retryableStatuses")
  void retriesTwiceByDefaultThenFails(Mode mode, int status) {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(errorJson(status, "{\"message\":\"busy\"}")));

    OrqServiceException e =
        assertThrows(
            OrqServiceException.class, () -> mode.run(client.conversations().retrieve("conv_1")));

    assertEquals(status, e.statusCode());
    assertEquals(List.of("0", "1", "2"), retryCounts());
    assertEquals(2, scheduler.delaysMillis.size());
    assertBetween(375, 500, scheduler.delaysMillis.get(0));
    assertBetween(750, 1000, scheduler.delaysMillis.get(1));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void backoffDoublesUpToEightSeconds(Mode mode) {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(errorJson(503, "")));
    try (OrqClient patient = client.newBuilder().scheduler(scheduler).maxRetries(7).build()) {

      assertThrows(
          InternalServerException.class,
          () -> mode.run(patient.conversations().retrieve("conv_1")));

      long[][] bounds = {
        {375, 500},
        {750, 1000},
        {1500, 2000},
        {3000, 4000},
        {6000, 8000},
        {6000, 8000},
        {6000, 8000}
      };
      assertEquals(bounds.length, scheduler.delaysMillis.size());
      for (int i = 0; i < bounds.length; i++) {
        assertBetween(bounds[i][0], bounds[i][1], scheduler.delaysMillis.get(i));
      }
      assertEquals(8, TestServers.requests(server).size());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRetryThatSucceedsReturnsTheBody(Mode mode) {
    server.stubFor(
        get(urlEqualTo(PATH))
            .withHeader("X-Orq-Retry-Count", equalTo("0"))
            .willReturn(errorJson(500, "")));
    server.stubFor(
        get(urlEqualTo(PATH))
            .withHeader("X-Orq-Retry-Count", equalTo("1"))
            .willReturn(okJson(Fixtures.WITH_MESSAGES)));

    OrqResponse<?> response = mode.run(client.conversations().retrieve("conv_1"));

    assertEquals(200, response.statusCode());
    assertEquals(List.of("0", "1"), retryCounts());
  }

  static Stream<Arguments> notRetried() {
    int[] statuses = {400, 401, 403, 404, 405, 413, 422};
    return Stream.of(Mode.values())
        .flatMap(mode -> Arrays.stream(statuses).mapToObj(status -> arguments(mode, status)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("notRetried")
  void otherClientErrorsAreNotRetried(Mode mode, int status) {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(errorJson(status, "{\"message\":\"no\"}")));

    OrqServiceException e =
        assertThrows(
            OrqServiceException.class, () -> mode.run(client.conversations().retrieve("conv_1")));

    assertEquals(status, e.statusCode());
    assertEquals(List.of("0"), retryCounts());
    assertEquals(List.of(), scheduler.delaysMillis);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void retryAfterInSecondsIsHonoured(Mode mode) {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(errorJson(429, "").withHeader("Retry-After", "3")));

    assertThrows(
        RateLimitException.class, () -> mode.run(client.conversations().retrieve("conv_1")));

    assertEquals(List.of(3000L, 3000L), scheduler.delaysMillis);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void retryAfterAsAnHttpDateIsHonoured(Mode mode) {
    String inTenSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(errorJson(503, "").withHeader("Retry-After", inTenSeconds)));

    assertThrows(
        InternalServerException.class, () -> mode.run(client.conversations().retrieve("conv_1")));

    assertEquals(2, scheduler.delaysMillis.size());
    for (long delay : scheduler.delaysMillis) {
      assertBetween(5_000, 10_000, delay);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void retryAfterMsWinsOverRetryAfter(Mode mode) {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                errorJson(429, "")
                    .withHeader("retry-after-ms", "250")
                    .withHeader("Retry-After", "30")));

    assertThrows(
        RateLimitException.class, () -> mode.run(client.conversations().retrieve("conv_1")));

    assertEquals(List.of(250L, 250L), scheduler.delaysMillis);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aServerAskingForMinutesGetsTheErrorAtOnce(Mode mode) {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                errorJson(429, "{\"message\":\"slow down\"}").withHeader("Retry-After", "120")));

    RateLimitException e =
        assertThrows(
            RateLimitException.class, () -> mode.run(client.conversations().retrieve("conv_1")));

    assertEquals("slow down", e.errorMessage());
    assertEquals("120", e.headers().get("Retry-After"));
    assertEquals(List.of("0"), retryCounts());
    assertEquals(List.of(), scheduler.delaysMillis);
  }

  static Stream<Arguments> faults() {
    return Stream.of(Mode.values())
        .flatMap(
            mode ->
                Stream.of(
                    arguments(mode, Fault.CONNECTION_RESET_BY_PEER),
                    arguments(mode, Fault.EMPTY_RESPONSE)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("faults")
  void connectionFailuresAreRetried(Mode mode, Fault fault) {
    server.stubFor(
        get(urlEqualTo(PATH))
            .withHeader("X-Orq-Retry-Count", equalTo("0"))
            .willReturn(aResponse().withFault(fault)));
    server.stubFor(
        get(urlEqualTo(PATH))
            .withHeader("X-Orq-Retry-Count", equalTo("1"))
            .willReturn(okJson(Fixtures.WITH_MESSAGES)));

    OrqResponse<?> response = mode.run(client.conversations().retrieve("conv_1"));

    assertEquals(200, response.statusCode());
    assertEquals(1, scheduler.delaysMillis.size());
    assertBetween(375, 500, scheduler.delaysMillis.get(0));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("faults")
  void aPostThatMayHaveReachedTheServerIsNotRetried(Mode mode, Fault fault) {
    server.stubFor(post(urlEqualTo("/v2/conversations")).willReturn(aResponse().withFault(fault)));

    assertThrows(
        OrqIoException.class,
        () ->
            mode.run(
                client
                    .conversations()
                    .create(CreateConversationRequest.builder().projectId("p").build())));

    assertEquals(List.of("0"), retryCounts(), "a create the server may have done is not repeated");
    assertEquals(List.of(), scheduler.delaysMillis);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aPostWhoseSuccessBodyBreaksOffIsNotRetried(Mode mode) {
    server.stubFor(
        post(urlEqualTo(PATH + "/generate-name"))
            .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

    assertThrows(
        OrqIoException.class,
        () ->
            mode.run(
                client
                    .conversations()
                    .generateName("conv_1", GenerateNameRequest.builder().context("hi").build())));

    assertEquals(List.of("0"), retryCounts());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aPostIsRetriedOnlyWhenTheServerSaysItDidNotProcessIt(Mode mode) {
    CreateConversationRequest create = CreateConversationRequest.builder().projectId("p").build();
    server.stubFor(post(urlEqualTo("/v2/conversations")).willReturn(errorJson(500, "")));
    assertThrows(
        InternalServerException.class, () -> mode.run(client.conversations().create(create)));
    assertEquals(List.of("0"), retryCounts(), "500: the server may have created it");

    server.resetAll();
    server.stubFor(post(urlEqualTo("/v2/conversations")).willReturn(errorJson(503, "")));
    assertThrows(
        InternalServerException.class, () -> mode.run(client.conversations().create(create)));
    assertEquals(List.of("0"), retryCounts(), "503 without Retry-After");

    server.resetAll();
    server.stubFor(post(urlEqualTo("/v2/conversations")).willReturn(errorJson(429, "")));
    assertThrows(RateLimitException.class, () -> mode.run(client.conversations().create(create)));
    assertEquals(List.of("0", "1", "2"), retryCounts(), "429");

    server.resetAll();
    server.stubFor(
        post(urlEqualTo("/v2/conversations"))
            .willReturn(errorJson(503, "").withHeader("Retry-After", "1")));
    assertThrows(
        InternalServerException.class, () -> mode.run(client.conversations().create(create)));
    assertEquals(List.of("0", "1", "2"), retryCounts(), "503 with Retry-After");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aPostThatNeverReachedTheServerIsRetried(Mode mode) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (OrqClient refused =
        OrqClient.builder()
            .apiKey(TestServers.API_KEY)
            .baseUrl("http://127.0.0.1:" + closedPort)
            .scheduler(scheduler)
            .build()) {

      assertThrows(
          OrqIoException.class,
          () ->
              mode.run(
                  refused
                      .conversations()
                      .create(CreateConversationRequest.builder().projectId("p").build())));

      assertEquals(2, scheduler.delaysMillis.size(), "connection refused: nothing was sent");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void retryingAPostTheServerMayHaveProcessedIsAnOptIn(Mode mode) {
    server.stubFor(
        post(urlEqualTo("/v2/conversations"))
            .withHeader("X-Orq-Retry-Count", equalTo("0"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    server.stubFor(
        post(urlEqualTo("/v2/conversations"))
            .withHeader("X-Orq-Retry-Count", equalTo("1"))
            .willReturn(okJson(Fixtures.CONVERSATION).withStatus(201)));
    CreateConversationRequest create = CreateConversationRequest.builder().projectId("p").build();

    try (OrqClient optedIn =
        client.newBuilder().scheduler(new RecordingScheduler()).retryNonIdempotent(true).build()) {
      assertEquals(201, mode.run(optedIn.conversations().create(create)).statusCode());
    }
    assertEquals(List.of("0", "1"), retryCounts());

    server.resetRequests();
    assertEquals(
        201,
        mode.run(
                client
                    .conversations()
                    .create(create)
                    .withOptions(RequestOptions.builder().retryNonIdempotent(true).build()))
            .statusCode());
    assertEquals(List.of("0", "1"), retryCounts());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void okHttpNeverRepeatsARequestOnItsOwn(Mode mode) {
    server.stubFor(
        post(urlEqualTo("/v2/conversations"))
            .willReturn(errorJson(503, "").withHeader("Retry-After", "0")));
    CreateConversationRequest create = CreateConversationRequest.builder().projectId("p").build();

    InternalServerException e =
        assertThrows(
            InternalServerException.class,
            () ->
                mode.run(
                    client
                        .conversations()
                        .create(create)
                        .withOptions(RequestOptions.builder().maxRetries(0).build())));
    assertEquals(List.of("0"), retryCounts(), "maxRetries(0): one request");
    assertEquals("0", e.headers().get("Retry-After"), "the caller sees the header as sent");

    server.resetRequests();
    assertThrows(
        InternalServerException.class,
        () ->
            mode.run(
                client
                    .conversations()
                    .create(create)
                    .withOptions(RequestOptions.builder().maxRetries(1).build())));
    assertEquals(
        List.of("0", "1"), retryCounts(), "maxRetries(1): two requests, each with its count");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSuccessBodyThatBreaksOffIsRetried(Mode mode) {
    server.stubFor(
        get(urlEqualTo(PATH))
            .withHeader("X-Orq-Retry-Count", equalTo("0"))
            .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    server.stubFor(
        get(urlEqualTo(PATH))
            .withHeader("X-Orq-Retry-Count", equalTo("1"))
            .willReturn(okJson(Fixtures.WITH_MESSAGES)));

    assertEquals("conv_01JJ", mode.run(client.conversations().retrieve("conv_1")).body().getId());
    assertEquals(List.of("0", "1"), retryCounts());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("faults")
  void aConnectionThatKeepsFailingEndsInAnIoException(Mode mode, Fault fault) {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withFault(fault)));

    OrqIoException e =
        assertThrows(
            OrqIoException.class, () -> mode.run(client.conversations().retrieve("conv_1")));

    assertEquals(OrqIoException.class, e.getClass());
    assertEquals(List.of("0", "1", "2"), retryCounts());
    assertEquals(2, scheduler.delaysMillis.size());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void zeroRetriesOnTheClientTurnsThemOff(Mode mode) {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(errorJson(503, "")));
    try (OrqClient noRetries = client.newBuilder().scheduler(scheduler).maxRetries(0).build()) {

      assertThrows(
          InternalServerException.class,
          () -> mode.run(noRetries.conversations().retrieve("conv_1")));

      assertEquals(List.of("0"), retryCounts());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void perRequestMaxRetriesOverridesTheClient(Mode mode) {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(errorJson(503, "")));

    assertThrows(
        InternalServerException.class,
        () ->
            mode.run(
                client
                    .conversations()
                    .retrieve("conv_1")
                    .withOptions(RequestOptions.builder().maxRetries(4).build())));
    assertEquals(List.of("0", "1", "2", "3", "4"), retryCounts());

    server.resetRequests();
    assertThrows(
        InternalServerException.class,
        () ->
            mode.run(
                client
                    .conversations()
                    .retrieve("conv_1")
                    .withOptions(RequestOptions.builder().maxRetries(0).build())));
    assertEquals(List.of("0"), retryCounts());
  }

  @Test
  void aCallOnAClosedClientFailsBeforeAnyRequest() throws Exception {
    OrqClient closed = client.newBuilder().scheduler(scheduler).build();
    closed.close();

    OrqIoException sync =
        assertThrows(
            OrqIoException.class, () -> closed.conversations().retrieve("conv_1").execute());
    ExecutionException async =
        assertThrows(
            ExecutionException.class,
            () ->
                closed.conversations().retrieve("conv_1").executeAsync().get(5, TimeUnit.SECONDS));

    assertEquals("The client is closed", sync.getMessage());
    assertEquals("The client is closed", async.getCause().getMessage());
    assertEquals(List.of(), retryCounts());
  }

  @Test
  void closingTheClientEndsCallsWaitingToRetry() throws Exception {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(errorJson(503, "").withHeader("Retry-After", "30")));
    OrqClient waiting =
        OrqClient.builder()
            .apiKey(TestServers.API_KEY)
            .baseUrl(TestServers.baseUrl(server))
            .build();
    CompletableFuture<Object> blocking =
        CompletableFuture.supplyAsync(() -> waiting.conversations().retrieve("conv_1").execute());
    CompletableFuture<?> async = waiting.conversations().retrieve("conv_1").executeAsync();
    TestServers.await(() -> TestServers.requests(server).size() == 2);

    waiting.close();

    for (CompletableFuture<?> call : List.of(blocking, async)) {
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
      assertEquals("The client is closed", e.getCause().getMessage());
    }
    assertEquals(List.of("0", "0"), retryCounts(), "nothing is sent after close");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCancelWhileTheRetryIsBeingScheduledIsNotLost(Mode mode) {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(errorJson(503, "")));
    OrqCall<?> call = client.conversations().retrieve("conv_1");
    scheduler.beforeSchedule = call::cancel;

    assertThrows(OrqCanceledException.class, () -> mode.run(call));

    assertEquals(List.of("0"), retryCounts());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aNegativeOrUnreadableRetryAfterIsTreatedAsAbsent(Mode mode) {
    for (String retryAfter : List.of("-5", "soon")) {
      server.resetAll();
      scheduler.delaysMillis.clear();
      server.stubFor(
          get(urlEqualTo(PATH))
              .willReturn(errorJson(429, "").withHeader("Retry-After", retryAfter)));

      assertThrows(
          RateLimitException.class, () -> mode.run(client.conversations().retrieve("conv_1")));

      assertEquals(2, scheduler.delaysMillis.size(), retryAfter);
      assertBetween(375, 500, scheduler.delaysMillis.get(0)); // the backoff, not "now"
      assertBetween(750, 1000, scheduler.delaysMillis.get(1));
    }
  }

  @Test
  void timeoutsOkHttpCannotTakeAreRefusedWhenSet() throws Exception {
    for (Duration bad :
        List.of(
            Duration.ofNanos(500_000),
            Duration.ofMillis(Integer.MAX_VALUE + 1L),
            Duration.ofDays(30))) {
      IllegalArgumentException perCall =
          assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().timeout(bad));
      assertTrue(perCall.getMessage().startsWith("timeout must be"), perCall.getMessage());
      IllegalArgumentException connect =
          assertThrows(
              IllegalArgumentException.class, () -> OrqClient.builder().connectTimeout(bad));
      assertTrue(connect.getMessage().startsWith("connectTimeout must be"), connect.getMessage());
      assertThrows(IllegalArgumentException.class, () -> OrqClient.builder().timeout(bad));
    }
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES)));
    RequestOptions longest =
        RequestOptions.builder().timeout(Duration.ofMillis(Integer.MAX_VALUE)).build();

    Object body =
        client
            .conversations()
            .retrieve("conv_1")
            .withOptions(longest)
            .executeAsync()
            .get(10, TimeUnit.SECONDS);

    assertTrue(body != null, "the longest timeout OkHttp takes works on the wire");
  }

  private List<String> retryCounts() {
    List<LoggedRequest> requests = TestServers.requests(server);
    return requests.stream()
        .map(request -> request.getHeader("X-Orq-Retry-Count"))
        .sorted()
        .collect(Collectors.toList());
  }

  private static void assertBetween(long min, long max, long actual) {
    assertTrue(actual >= min && actual <= max, actual + " not in [" + min + ", " + max + "]");
  }
}
