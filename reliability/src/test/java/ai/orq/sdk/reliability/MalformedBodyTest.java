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
import org.junit.jupiter.api.Test;

/**
 * A complete, well-framed 2xx response whose JSON is broken: cut off at a random point, or random
 * bytes. Every unary operation with a body must fail with {@link InvalidResponseException}, never
 * return a partial object, and never retry (the server did answer). Seeded: see {@link
 * Support#seed}.
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
    client =
        OrqClient.builder()
            .apiKey("test-key")
            .baseUrl(wireMock.baseUrl())
            .maxRetries(2)
            .timeout(Duration.ofSeconds(10))
            .build();
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
        InvalidResponseException e =
            assertThrows(
                InvalidResponseException.class,
                () ->
                    assertTimeoutPreemptively(
                        Duration.ofSeconds(20), () -> op.invoke(client, async)),
                where);
        assertEquals(op.status, e.statusCode(), where);
        assertEquals(1, wireMock.getAllServeEvents().size(), where + ": a 2xx must not be retried");
      }
    }
  }

  /**
   * Found by this suite, fixed in sdk-core (cb76354): a 2xx body missing a required top-level
   * property ({@code {}}) used to parse to an all-null object; it is an {@link
   * InvalidResponseException} now.
   */
  @Test
  void anObjectMissingRequiredFieldsIsAnInvalidResponse() {
    for (Operation op : WITH_BODY) {
      answer(op, "{}".getBytes(StandardCharsets.UTF_8));
      assertThrows(InvalidResponseException.class, () -> op.invoke(client, false), op.toString());
    }
  }

  /**
   * Found by this suite: a listed conversation, a message or a text part missing its required
   * properties used to parse to nulls inside a successful result.
   */
  @Test
  void nestedObjectsMissingRequiredFieldsAreAnInvalidResponse() {
    String conversation = Bodies.CONVERSATION.substring(0, Bodies.CONVERSATION.length() - 1);
    String[][] cases = {
      {"LIST", "{\"object\":\"list\",\"data\":[{}],\"has_more\":false}"},
      {"RETRIEVE", conversation + ",\"messages\":[{}]}"},
      {
        "RETRIEVE",
        conversation
            + ",\"messages\":[{\"_id\":\"msg_1\",\"conversationId\":\""
            + Bodies.ID
            + "\",\"createdAt\":1,\"createdById\":\"u\",\"role\":\"user\",\"parts\":[{\"kind\":\"text\"}]}]}"
      },
    };
    for (String[] c : cases) {
      Operation op = Operation.valueOf(c[0]);
      answer(op, c[1].getBytes(StandardCharsets.UTF_8));
      assertThrows(InvalidResponseException.class, () -> op.invoke(client, false), op + " " + c[1]);
    }
  }

  private static void answer(Operation op, byte[] body) {
    wireMock.resetAll();
    wireMock.stubFor(
        request(op.method, urlPathEqualTo(op.path))
            .willReturn(
                aResponse()
                    .withStatus(op.status)
                    .withHeader("Content-Type", op.contentType)
                    .withBody(body)));
  }
}
