package ai.orq.sdk.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.errors.InvalidResponseException;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * A complete, well-framed 2xx response whose JSON is broken: cut off at a random point, or random
 * bytes. Every unary operation with a body must fail with {@link InvalidResponseException}, never
 * return a partial object, and never retry (the server did answer). Seeded: see {@link Support#seed}.
 */
class MalformedBodyTest {
  static final int CUTS_PER_OPERATION = 25;
  static final int GARBAGE_PER_OPERATION = 10;
  static final Operation[] WITH_BODY = {
    Operation.LIST, Operation.CREATE, Operation.GENERATE_NAME, Operation.RETRIEVE, Operation.UPDATE
  };

  private static WireMockServer wireMock;
  private static OrqClient client;

  @BeforeAll
  static void start() {
    wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wireMock.start();
    client = OrqClient.builder().apiKey("test-key").baseUrl(wireMock.baseUrl()).maxRetries(2)
        .timeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    wireMock.stop();
  }

  @Test
  void cutOffOrGarbledJsonIsAnInvalidResponseAndIsNotRetried() {
    long seed = Support.seed("MalformedBodyTest");
    Random random = new Random(seed);
    for (Operation op : WITH_BODY) {
      byte[] good = op.body.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < CUTS_PER_OPERATION + GARBAGE_PER_OPERATION; i++) {
        byte[] body;
        if (i < CUTS_PER_OPERATION) {
          body = Arrays.copyOf(good, random.nextInt(good.length)); // always leaves a brace open
        } else {
          body = new byte[1 + random.nextInt(256)];
          random.nextBytes(body);
          body[0] = (byte) '{'; // an object that never closes
          for (int b = 1; b < body.length; b++) {
            if (body[b] == '}') {
              body[b] = 'x';
            }
          }
        }
        String where = op + " case " + i + " of seed " + seed;
        boolean async = i % 2 == 1;
        answer(op, body);
        InvalidResponseException e = assertThrows(InvalidResponseException.class,
            () -> assertTimeoutPreemptively(Duration.ofSeconds(20), () -> op.invoke(client, async)), where);
        assertEquals(op.status, e.statusCode(), where);
        assertEquals(1, wireMock.getAllServeEvents().size(), where + ": a 2xx must not be retried");
      }
    }
  }

  /**
   * Found by this suite; disabled until core decides. The spec marks {@code kind}, {@code
   * displayName}, {@code createdAt}, {@code updatedAt} (and {@code messages} of retrieve) as
   * required, and {@code RealOrqCall} promises strict parsing, yet a 200 with body {@code {}}
   * returns a "successful" object whose fields are all null (and whose {@code @Nonnull}
   * {@code getMessages()} is null), where {@link InvalidResponseException} ("not of the expected
   * shape") is documented.
   */
  @Disabled("sdk-core: a 2xx body missing required fields ({}) parses to an all-null object instead of "
      + "InvalidResponseException; see the reliability report")
  @Test
  void anObjectMissingRequiredFieldsIsAnInvalidResponse() {
    for (Operation op : WITH_BODY) {
      answer(op, "{}".getBytes(StandardCharsets.UTF_8));
      assertThrows(InvalidResponseException.class, () -> op.invoke(client, false), op.toString());
    }
  }

  private static void answer(Operation op, byte[] body) {
    wireMock.resetAll();
    wireMock.stubFor(request(op.method, urlPathEqualTo(op.path)).willReturn(
        aResponse().withStatus(op.status).withHeader("Content-Type", op.contentType).withBody(body)));
  }
}
