package ai.orq.sdk.streaming;

import static ai.orq.sdk.streaming.Fixtures.CONVERSATION_ID;
import static ai.orq.sdk.streaming.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqTimeoutException;
import ai.orq.sdk.errors.ResponseTooLargeException;
import ai.orq.sdk.model.ResponseEvent;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a server cannot make a stream do: buffer an endless line or an endless event until memory
 * runs out, or keep an event open forever by trickling its bytes. Over the raw loopback server,
 * blocking and async.
 */
final class StreamBoundsTest {
  private static final long LIMIT = 1024;
  private static final RequestOptions ONE_SECOND_IDLE =
      RequestOptions.builder().timeout(Duration.ofSeconds(1)).build();

  private LoopbackServer server;
  private OrqClient client;

  @AfterEach
  void tearDown() throws Exception {
    Fixtures.close(client, server);
  }

  /** Reads the stream to its end and returns its failure. */
  private OrqException failureOf(LoopbackServer.Script script, boolean async) throws Exception {
    server = new LoopbackServer(script);
    client =
        OrqClient.builder()
            .apiKey(Fixtures.API_KEY)
            .baseUrl(server.url().toString())
            .maxResponseBytes(LIMIT)
            .build();
    if (async) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  client
                      .conversations()
                      .createConversationResponseAsync(CONVERSATION_ID, request())
                      .withOptions(ONE_SECOND_IDLE)
                      .subscribe(event -> {})
                      .onCompleteFuture()
                      .get(20, TimeUnit.SECONDS));
      return assertInstanceOf(OrqException.class, e.getCause());
    }
    try (StreamResponse<ResponseEvent> stream =
        client
            .conversations()
            .createConversationResponse(CONVERSATION_ID, request())
            .withOptions(ONE_SECOND_IDLE)) {
      return assertThrows(OrqException.class, () -> stream.forEach(event -> {}));
    }
  }

  @ParameterizedTest(name = "async {0}")
  @ValueSource(booleans = {false, true})
  void aLineThatNeverEndsIsRefusedAtTheLimit(boolean async) throws Exception {
    OrqException e =
        failureOf(
            exchange -> {
              exchange.startEvents().send("data: " + "x".repeat(4_000));
              exchange.awaitClientGone(30_000);
            },
            async);

    assertEquals(LIMIT, assertInstanceOf(ResponseTooLargeException.class, e).limitBytes());
  }

  @ParameterizedTest(name = "async {0}")
  @ValueSource(booleans = {false, true})
  void anEventWithEndlessDataLinesIsRefusedAtTheLimit(boolean async) throws Exception {
    OrqException e =
        failureOf(
            exchange -> {
              exchange.startEvents();
              for (int i = 0; i < 400; i++) {
                exchange.send("data: 0123456789\n");
              }
              exchange.awaitClientGone(30_000);
            },
            async);

    assertInstanceOf(ResponseTooLargeException.class, e);
  }

  @ParameterizedTest(name = "async {0}")
  @ValueSource(booleans = {false, true})
  void anEventTrickledByteByByteEndsAtTheEventDeadline(boolean async) throws Exception {
    OrqException e =
        failureOf(
            exchange -> {
              exchange.startEvents().send("data: {");
              for (int i = 0;
                  i < 80;
                  i++) { // 8 s of bytes every 100 ms: never idle for the 1 s timeout
                exchange.send("x").pause(100);
              }
              exchange.awaitClientGone(30_000);
            },
            async);

    OrqTimeoutException timeout = assertInstanceOf(OrqTimeoutException.class, e);
    assertTrue(
        timeout.getMessage().contains("An event took longer than 1000 ms"), timeout.getMessage());
  }

  @ParameterizedTest(name = "async {0}")
  @ValueSource(booleans = {false, true})
  void anEventTrickledLineByLineEndsAtTheEventDeadline(boolean async) throws Exception {
    OrqException e =
        failureOf(
            exchange -> {
              exchange.startEvents();
              for (int i = 0;
                  i < 30;
                  i++) { // 6 s of whole lines every 200 ms, the event never complete
                exchange.send("data: x\n").pause(200);
              }
              exchange.awaitClientGone(30_000);
            },
            async);

    OrqTimeoutException timeout = assertInstanceOf(OrqTimeoutException.class, e);
    assertTrue(
        timeout.getMessage().contains("An event took longer than 1000 ms"), timeout.getMessage());
  }
}
