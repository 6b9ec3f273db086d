package ai.orq.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.InvalidResponseException;
import ai.orq.sdk.errors.MalformedEventException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.errors.OrqServiceException;
import ai.orq.sdk.errors.ResponseFailedException;
import ai.orq.sdk.errors.StreamTruncatedException;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.streaming.ResponseAccumulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Point 7 of issue 22: every piece of server text in an SDK message is cut and escaped, whatever
 * path it takes: a property name in a JSON path, a header, an unexpected status line, event data,
 * an unknown tag, an error the server reports in the stream. The server's text is 40,000 characters
 * with a forged log line, an ANSI escape and a carriage return in it. Checked is the whole printed
 * stack trace, causes included, as a log would show it: no line is longer than a few thousand
 * characters and none starts with the forged text. Before the fix, a malformed body's message was
 * the 40 KB property name with the forged line in it, raw, and so was its Gson cause.
 */
class HostileTextTest {
  /** The longest line a message of the SDK may print; any server text is cut well below. */
  private static final int MAX_LINE = 4_000;

  private static final String FORGED = "[ERROR] forged by the server";

  /** What the server says, as a Java string: 40 K characters with control characters between. */
  private static final String EVIL =
      "x".repeat(20_000) + "\n" + FORGED + "\u001b[31m\r" + "y".repeat(20_000);

  /** A shorter line of it, for a line OkHttp reads for itself (head bytes are bounded). */
  private static final String EVIL_LINE =
      "x".repeat(3_000) + FORGED + "\u001b[31m\r" + "y".repeat(100);

  /** The same, as JSON string content. */
  private static final String EVIL_JSON =
      EVIL.replace("\n", "\\n").replace("\u001b", "\\u001b").replace("\r", "\\r");

  private HostileServer server;
  private OrqClient client;

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void aPropertyNameInTheJsonPathOfAMalformedBody(boolean async) throws Exception {
    serve("200 OK", "application/json", "{\"_id\":\"conv_1\",\"" + EVIL_JSON + "\":[1, tru]}");

    OrqException e = Hostile.createFailure(client, async);

    assertInstanceOf(InvalidResponseException.class, e);
    assertSafe(e);
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void aRequestIdHeaderAndAnErrorMessage(boolean async) throws Exception {
    server =
        new HostileServer(
            (request, out) -> {
              String body = "{\"code\":400,\"error\":\"" + EVIL_JSON + "\"}";
              HostileServer.write(
                  out,
                  "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nx-request-id: "
                      + "r".repeat(20_000)
                      + "\u001b[2J"
                      + "\r\nContent-Type: application/json\r\nContent-Length: "
                      + body.getBytes(StandardCharsets.UTF_8).length
                      + "\r\n\r\n"
                      + body);
            });
    client = Hostile.client(server, b -> b);

    OrqException e = Hostile.createFailure(client, async);

    assertInstanceOf(OrqServiceException.class, e);
    assertSafe(e);
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void anUnexpectedStatusLine(boolean async) throws Exception {
    server =
        new HostileServer(
            (request, out) ->
                HostileServer.write(
                    out, "HTTP/1.1 2xx " + EVIL_LINE + "\r\nConnection: close\r\n\r\n"));
    client = Hostile.client(server, b -> b);

    OrqException call = Hostile.createFailure(client, async);
    OrqException stream = Hostile.streamFailure(client, async);

    assertInstanceOf(OrqIoException.class, call);
    assertSafe(call);
    assertInstanceOf(OrqIoException.class, stream);
    assertSafe(stream);
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void aPropertyNameInAMalformedEvent(boolean async) throws Exception {
    serveEvents("data: {\"type\":\"part.delta\",\"data\":{\"" + EVIL_JSON + "\": tru}}\n\n");

    OrqException e = Hostile.streamFailure(client, async);

    assertInstanceOf(MalformedEventException.class, e);
    assertSafe(e);
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void theErrorOfAFailedResponse(boolean async) throws Exception {
    serveEvents(
        "data: {\"type\":\"response.failed\",\"timestamp\":\"2026-01-01T00:00:00Z\","
            + "\"data\":{\"error\":\""
            + EVIL_JSON
            + "\",\"code\":500}}\n\ndata: [DONE]\n\n");

    OrqException e =
        Hostile.failure(
            () -> {
              if (async) {
                ResponseAccumulator.assemble(
                        client
                            .conversations()
                            .createConversationResponseAsync(Bodies.ID, Operation.streamRequest()))
                    .get(30, TimeUnit.SECONDS);
              } else {
                try (StreamResponse<ResponseEvent> events =
                    client
                        .conversations()
                        .createConversationResponse(Bodies.ID, Operation.streamRequest())) {
                  ResponseAccumulator.assemble(events);
                }
              }
            });

    ResponseFailedException failed = assertInstanceOf(ResponseFailedException.class, e);
    assertEquals(EVIL, failed.error(), "the error itself is kept as sent");
    assertSafe(e);
  }

  @Test
  void anUnknownEventTypeOrEnumValueAskedForAsAKnownOne() throws Exception {
    serveEvents(
        "data: {\"type\":\""
            + EVIL_JSON
            + "\",\"data\":{}}\n\n"
            + "data: {\"type\":\"response.done\",\"timestamp\":\"2026-01-01T00:00:00Z\","
            + "\"data\":{\"finishReason\":\""
            + EVIL_JSON
            + "\"}}\n\ndata: [DONE]\n\n");
    List<ResponseEvent> events = new ArrayList<>();
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(Bodies.ID, Operation.streamRequest())) {
      stream.forEach(events::add);
    }

    ResponseEvent unknown = events.get(0);
    assertTrue(unknown.isUnknown());
    IllegalStateException e = assertThrows(IllegalStateException.class, unknown::asPartDelta);
    assertSafe(e);
    FinishReason reason = events.get(1).asResponseDone().getData().getFinishReason();
    IllegalStateException known = assertThrows(IllegalStateException.class, reason::known);
    assertSafe(known);
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void aStreamThatBreaksOff(boolean async) throws Exception {
    server =
        new HostileServer(
            (request, out) ->
                HostileServer.write(
                    out,
                    "HTTP/1.1 200 OK\r\n"
                        + "Content-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5"
                        + EVIL_LINE
                        + "\r\n"));
    client = Hostile.client(server, b -> b);

    OrqException e = Hostile.streamFailure(client, async);

    assertInstanceOf(StreamTruncatedException.class, e);
    assertSafe(e);
  }

  private void serve(String status, String contentType, String body) throws IOException {
    server =
        new HostileServer(
            (request, out) ->
                HostileServer.write(
                    out,
                    "HTTP/1.1 "
                        + status
                        + "\r\nConnection: close\r\nContent-Type: "
                        + contentType
                        + "\r\nContent-Length: "
                        + body.getBytes(StandardCharsets.UTF_8).length
                        + "\r\n\r\n"
                        + body));
    client = Hostile.client(server, b -> b);
  }

  private void serveEvents(String events) throws IOException {
    serve("200 OK", "text/event-stream", events);
  }

  /** Printed as a log prints it, {@code e} has only short lines, none of them forged. */
  private static void assertSafe(Throwable e) {
    StringWriter printed = new StringWriter();
    e.printStackTrace(new PrintWriter(printed));
    for (String line : printed.toString().split("\n", -1)) {
      assertTrue(
          line.length() <= MAX_LINE,
          () -> "a line of " + line.length() + " characters: " + line.substring(0, 200));
      assertFalse(line.startsWith(FORGED), "a forged log line");
      assertFalse(
          line.contains("\u001b") || line.contains("\r"),
          () -> "a control character in: " + line.substring(0, Math.min(200, line.length())));
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertTrue(t.getMessage().length() <= MAX_LINE, "a message of " + t.getMessage().length());
    }
  }
}
