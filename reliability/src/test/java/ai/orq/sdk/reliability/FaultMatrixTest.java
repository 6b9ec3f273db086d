package ai.orq.sdk.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.errors.InvalidResponseException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.errors.OrqTimeoutException;
import ai.orq.sdk.errors.StreamTruncatedException;
import ai.orq.sdk.model.ResponseEvent;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation (the six unary ones and the stream) against every fault WireMock can produce,
 * with retries off and on, blocking and async. Each case must end, within a generous bound, in
 * exactly the documented exception, or in a result equal to what the good answer encodes: never a
 * hang, never a wrong result.
 *
 * <p>With retries on, the first request gets the fault and every later one the good answer (a
 * WireMock scenario), so a client that retries what it documents as retryable succeeds on its
 * second request. What is documented (OrqCall, RetryPolicy, RetryingCall): GET, PATCH and DELETE
 * retry I/O failures and timeouts; a POST (create, generateName, the stream) is retried only when
 * it provably did not reach the server or the server says it did not process it, which none of
 * these faults is, so each POST case ends in its error after one request. A fault inside a 2xx
 * stream body is reported, never retried. {@link #serverCommittedThenTheConnectionDied} adds the
 * server that acted on the request and died while answering, from a raw socket server.
 */
class FaultMatrixTest {
  /** The client's per-attempt timeout (the idle timeout of a stream). */
  static final Duration TIMEOUT = Duration.ofMillis(1000);

  /** Longer than the timeout: headers that come too late. */
  static final int SLOW_HEADERS_MILLIS = 2500;

  /**
   * A body dribbled in 5 chunks with gaps (1.2 s) longer than the timeout. WireMock 3.13 holds back
   * the status line and headers until the first gap has passed, so this stalls before the head.
   */
  static final int STALL_CHUNKS = 5;

  static final int STALL_MILLIS = 6000;

  /** A body dribbled in 5 chunks with gaps (0.6 s) shorter than the timeout, 3 s in all. */
  static final int DRIBBLE_CHUNKS = 5;

  static final int DRIBBLE_MILLIS = 3000;

  /** A hang fails the case; everything here should take at most a few seconds. */
  static final Duration BOUND = Duration.ofSeconds(30);

  enum Failure {
    CONNECTION_RESET,
    EMPTY_RESPONSE,
    MALFORMED_CHUNK,
    RANDOM_DATA_THEN_CLOSE,
    SLOW_HEADERS,
    STALLED_BODY,
    DRIBBLED_BODY
  }

  /**
   * What a case must end in: a result (after how many requests) or exactly this exception class.
   */
  record Expectation(Class<? extends OrqException> exception, int requests) {
    static Expectation success(int requests) {
      return new Expectation(null, requests);
    }

    static Expectation thrown(Class<? extends OrqException> type) {
      return new Expectation(type, 1);
    }
  }

  private static WireMockServer wireMock;

  @BeforeAll
  static void start() {
    wireMock =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(32)
                .asynchronousResponseEnabled(false));
    wireMock.start();
  }

  @AfterAll
  static void stop() {
    wireMock.stop();
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Operation op : Operation.values()) {
      for (Failure failure : Failure.values()) {
        for (boolean async : new boolean[] {false, true}) {
          cases.add(Arguments.of(op, failure, false, async));
          cases.add(Arguments.of(op, failure, true, async));
        }
      }
    }
    return cases.stream();
  }

  /** The documented outcome of each case; the reasons are in the comments. */
  static Expectation expectation(Operation op, Failure failure, boolean retries) {
    boolean stream = op == Operation.STREAM;
    // a POST reached the server in every case here: never repeated, whatever the retries
    boolean repeatable = retries && !op.method.equals("POST");
    switch (failure) {
      case CONNECTION_RESET:
      case EMPTY_RESPONSE:
      case RANDOM_DATA_THEN_CLOSE:
        // no valid response head after the request was sent: retried unless a POST
        return repeatable ? Expectation.success(2) : Expectation.thrown(OrqIoException.class);
      case SLOW_HEADERS:
        // no response head within the timeout (a stream's read timeout waits for the head too)
        return repeatable ? Expectation.success(2) : Expectation.thrown(OrqTimeoutException.class);
      case MALFORMED_CHUNK:
        // WireMock sends "200" with no Content-Type, then garbage where the chunked body should be
        if (op == Operation.DELETE) {
          return Expectation.success(1); // a 2xx delete has no body to read: success is the answer
        }
        if (stream) {
          // 2xx without text/event-stream: the stream never starts; a 2xx is never retried
          return Expectation.thrown(InvalidResponseException.class);
        }
        return repeatable ? Expectation.success(2) : Expectation.thrown(OrqIoException.class);
      case STALLED_BODY:
        if (op == Operation.DELETE) {
          return Expectation.success(1); // 204: there is no body to stall
        }
        // WireMock sends nothing, head included, for longer than the timeout: retried like
        // SLOW_HEADERS
        // (a stream stalling after its head arrived is StalledStreamTest's case)
        return repeatable ? Expectation.success(2) : Expectation.thrown(OrqTimeoutException.class);
      case DRIBBLED_BODY:
        if (op == Operation.DELETE) {
          return Expectation.success(1); // 204: there is no body to dribble
        }
        if (stream) {
          // no gap reaches the idle timeout and a stream has no total timeout: a slow, healthy
          // stream
          return Expectation.success(1);
        }
        // the whole attempt takes longer than the timeout
        return repeatable ? Expectation.success(2) : Expectation.thrown(OrqTimeoutException.class);
      default:
        throw new AssertionError(failure);
    }
  }

  static Stream<Arguments> committedCases() {
    List<Arguments> cases = new ArrayList<>();
    for (Operation op : Operation.values()) {
      for (boolean async : new boolean[] {false, true}) {
        cases.add(Arguments.of(op, false, async));
        cases.add(Arguments.of(op, true, async));
      }
    }
    return cases.stream();
  }

  /**
   * The server read the request and acted on it, started its answer and died halfway (a 204 never
   * started). GET, PATCH and DELETE are retried; a POST is not, since a second one would create a
   * second conversation, name or message: the server sees it exactly once.
   */
  @ParameterizedTest(name = "{0} × committed then died, retries {1}, async {2}")
  @MethodSource("committedCases")
  void serverCommittedThenTheConnectionDied(Operation op, boolean retries, boolean async)
      throws Exception {
    boolean repeatable = retries && !op.method.equals("POST");
    String where =
        op
            + " × committed then died"
            + (retries ? ", retries on" : ", retries off")
            + (async ? ", async" : "");
    try (CommittingServer server = new CommittingServer(op, retries);
        OrqClient client =
            OrqClient.builder()
                .apiKey("test-key")
                .baseUrl(server.baseUrl())
                .maxRetries(retries ? 2 : 0)
                .timeout(TIMEOUT)
                .build()) {
      Object result = null;
      OrqException thrown = null;
      try {
        result =
            assertTimeoutPreemptively(
                BOUND, () -> op.invoke(client, async), () -> where + " hung for " + BOUND);
      } catch (OrqException e) {
        thrown = e;
      }
      if (repeatable) {
        if (thrown != null) {
          throw new AssertionError(where + ": expected success on the second request", thrown);
        }
        assertEquals(op.expected(Support.sdkGson()), result, where + ": wrong result");
        assertEquals(2, server.requests(), where + ": requests the server acted on");
      } else {
        Class<?> expected =
            op == Operation.STREAM ? StreamTruncatedException.class : OrqIoException.class;
        if (thrown == null || thrown.getClass() != expected) {
          throw new AssertionError(
              where
                  + ": expected exactly "
                  + expected.getName()
                  + ", got "
                  + (thrown == null ? "result " + result : thrown),
              thrown);
        }
        if (op == Operation.STREAM) {
          assertPrefix(List.copyOf(Operation.READ_SO_FAR));
        }
        assertEquals(1, server.requests(), where + ": requests the server acted on");
      }
    }
  }

  @ParameterizedTest(name = "{0} × {1}, retries {2}, async {3}")
  @MethodSource("cases")
  void endsInTheDocumentedOutcome(Operation op, Failure failure, boolean retries, boolean async) {
    wireMock.resetAll();
    stub(op, failure, retries);
    Expectation expected = expectation(op, failure, retries);
    String where =
        op
            + " × "
            + failure
            + (retries ? ", retries on" : ", retries off")
            + (async ? ", async" : "");
    try (OrqClient client =
        OrqClient.builder()
            .apiKey("test-key")
            .baseUrl(wireMock.baseUrl())
            .maxRetries(retries ? 2 : 0)
            .timeout(TIMEOUT)
            .build()) {
      Object result = null;
      Throwable thrown = null;
      try {
        result =
            assertTimeoutPreemptively(
                BOUND, () -> op.invoke(client, async), () -> where + " hung for " + BOUND);
      } catch (OrqException e) {
        thrown = e;
      }
      int requests = wireMock.getAllServeEvents().size();
      if (expected.exception() == null) {
        if (thrown != null) {
          throw new AssertionError(
              where
                  + ": expected success after "
                  + expected.requests()
                  + " request(s), got "
                  + thrown,
              thrown);
        }
        assertEquals(op.expected(Support.sdkGson()), result, where + ": wrong result");
      } else {
        if (thrown == null) {
          fail(
              where
                  + ": expected "
                  + expected.exception().getSimpleName()
                  + ", got result "
                  + result);
        }
        if (thrown.getClass() != expected.exception()) {
          throw new AssertionError(
              where + ": expected exactly " + expected.exception().getName() + ", got " + thrown,
              thrown);
        }
        if (op == Operation.STREAM) {
          assertPrefix(List.copyOf(Operation.READ_SO_FAR));
        }
      }
      assertEquals(expected.requests(), requests, where + ": requests sent");
    }
  }

  /** Events delivered before a failure must be the start of the good stream, nothing else. */
  private static void assertPrefix(List<ResponseEvent> events) {
    List<?> all = (List<?>) Operation.STREAM.expected(Support.sdkGson());
    assertEquals(
        all.subList(0, Math.min(events.size(), all.size())), events, "events before the failure");
  }

  private static void stub(Operation op, Failure failure, boolean retries) {
    ResponseDefinitionBuilder faulty = faulty(op, failure);
    if (!retries) {
      wireMock.stubFor(mapping(op).willReturn(faulty));
      return;
    }
    wireMock.stubFor(
        mapping(op)
            .inScenario("fault")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("recovered")
            .willReturn(faulty));
    wireMock.stubFor(
        mapping(op).inScenario("fault").whenScenarioStateIs("recovered").willReturn(good(op)));
  }

  private static MappingBuilder mapping(Operation op) {
    return request(op.method, urlPathEqualTo(op.path));
  }

  static ResponseDefinitionBuilder good(Operation op) {
    ResponseDefinitionBuilder response = aResponse().withStatus(op.status);
    if (op.contentType != null) {
      response.withHeader("Content-Type", op.contentType).withBody(op.body);
    }
    return response;
  }

  private static ResponseDefinitionBuilder faulty(Operation op, Failure failure) {
    switch (failure) {
      case CONNECTION_RESET:
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
      case EMPTY_RESPONSE:
        return aResponse().withFault(Fault.EMPTY_RESPONSE);
      case MALFORMED_CHUNK:
        return aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK);
      case RANDOM_DATA_THEN_CLOSE:
        return aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
      case SLOW_HEADERS:
        return good(op).withFixedDelay(SLOW_HEADERS_MILLIS);
      case STALLED_BODY:
        return good(op).withChunkedDribbleDelay(STALL_CHUNKS, STALL_MILLIS);
      case DRIBBLED_BODY:
        return good(op).withChunkedDribbleDelay(DRIBBLE_CHUNKS, DRIBBLE_MILLIS);
      default:
        throw new AssertionError(failure);
    }
  }
}
