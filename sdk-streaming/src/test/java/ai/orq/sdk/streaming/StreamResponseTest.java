package ai.orq.sdk.streaming;

import static ai.orq.sdk.streaming.Fixtures.CONVERSATION_ID;
import static ai.orq.sdk.streaming.Fixtures.RESPONSES_PATH;
import static ai.orq.sdk.streaming.Fixtures.request;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.BadRequestException;
import ai.orq.sdk.errors.InternalServerException;
import ai.orq.sdk.errors.InvalidResponseException;
import ai.orq.sdk.errors.MalformedEventException;
import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.errors.StreamTruncatedException;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.ResponseDataPart;
import ai.orq.sdk.model.ResponseDoneEvent;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseFailedEvent;
import ai.orq.sdk.model.ResponseFilePart;
import ai.orq.sdk.model.ResponsePart;
import ai.orq.sdk.model.ResponseReasoningPart;
import ai.orq.sdk.model.ResponseStartedEvent;
import ai.orq.sdk.model.ToolReviewRequestedEvent;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The blocking stream against WireMock: typed events, the request, and every failure before or
 * during the stream.
 */
final class StreamResponseTest {
  static final String STARTED =
      "{\"type\":\"response.started\",\"timestamp\":\"2026-02-01T10:00:00.000Z\",\"data\":{\"responseId\":\"resp_01\",\"taskId\":\"t\",\"model\":\"openai/gpt-4o\",\"workflowRunId\":\"wf\"}}";
  static final String FAILED =
      "{\"type\":\"response.failed\",\"timestamp\":\"2026-02-01T10:00:01.000Z\",\"data\":{\"error\":\"The"
          + " model is overloaded\",\"code\":529}}";

  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  @AutoClose private final OrqClient client = Fixtures.client(server);

  static void stubStream(String body) {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse(body)));
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/event-stream; charset=utf-8")
        .withBody(body);
  }

  private List<ResponseEvent> readAll() {
    List<ResponseEvent> events = new ArrayList<>();
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(CONVERSATION_ID, request())) {
      for (ResponseEvent event : stream) {
        events.add(event);
      }
    }
    return events;
  }

  @Test
  void everyEventTypeAndPartKindArrivesTyped() {
    stubStream(Fixtures.recordedStreamText());
    List<ResponseEvent> events = readAll();
    assertEquals(18, events.size());

    ResponseStartedEvent started = events.get(0).asResponseStarted();
    assertEquals("resp_01", started.getData().getResponseId());
    assertEquals("msg_a1", started.getData().getAssistantMessageId());

    ResponseReasoningPart reasoningDelta =
        events.get(1).asPartDelta().getData().getDelta().asReasoning();
    assertEquals("The user greets; ", reasoningDelta.getReasoning());
    ResponseReasoningPart reasoning = events.get(2).asPartDone().getData().getPart().asReasoning();
    assertEquals("sig==", reasoning.getSignature());

    ToolReviewRequestedEvent review = events.get(3).asToolReviewRequested();
    assertTrue(review.getData().getRequiresApproval());
    assertEquals("Zürich", review.getData().getArguments().get("city").getAsString());
    assertEquals("approved", events.get(4).asToolReviewDone().getData().getReview().asString());
    assertEquals("weather", events.get(5).asToolStarted().getData().getToolName());
    JsonObject result = events.get(6).asToolDone().getData().getResult().getAsJsonObject();
    assertEquals(21L, result.get("celsius").getAsLong());
    assertEquals("call_02", events.get(7).asToolStarted().getData().getToolCallId());
    assertEquals("timed out", events.get(8).asToolFailed().getData().getError());

    PartDeltaEvent text = events.get(9).asPartDelta();
    assertEquals("text_01", text.getData().getPartId());
    assertEquals("Grüezi! ", text.getData().getDelta().asText().getText());
    PartDeltaEvent multiLine = events.get(10).asPartDelta();
    assertEquals("2026-02-01T10:00:01.100Z", multiLine.getTimestamp());
    assertEquals(
        "It is 21 °C ☀️ in Zürich — 好天气.", multiLine.getData().getDelta().asText().getText());
    assertEquals(ResponsePart.Kind.TEXT, events.get(11).asPartDone().getData().getPart().getKind());
    assertEquals("text", events.get(11).asPartDone().getData().getPart().getKind().asString());

    ResponseFilePart uriPart = events.get(12).asPartDone().getData().getPart().asFile();
    assertEquals("https://example.com/chart.png", uriPart.getFile().asUri().getUri());
    ResponseFilePart bytesPart = events.get(13).asPartDone().getData().getPart().asFile();
    assertEquals("aGVsbG8=", bytesPart.getFile().asBytes().getBytes());
    ResponseDataPart dataPart = events.get(14).asPartDone().getData().getPart().asData();
    assertEquals(21L, dataPart.getData().get("temperature").getAsLong());
    assertEquals("tool", dataPart.getMetadata().get("source").getAsString());

    ResponsePart.Unknown unknownKind =
        events.get(15).asPartDelta().getData().getDelta().asUnknown();
    assertEquals("hologram", unknownKind.getKind().asString());
    assertEquals(ResponsePart.Kind.Value._UNKNOWN, unknownKind.getKind().value());
    assertEquals(3, unknownKind.raw().get("frames").getAsInt());
    ResponseEvent.Unknown unknownType = events.get(16).asUnknown();
    assertEquals("response.heartbeat", unknownType.getType().asString());
    assertEquals(ResponseEvent.Type.Value._UNKNOWN, unknownType.getType().value());
    assertEquals(0.5, unknownType.raw().getAsJsonObject("data").get("load").getAsDouble());

    ResponseDoneEvent done = events.get(17).asResponseDone();
    assertEquals(FinishReason.STOP, done.getData().getFinishReason());
    assertEquals(32L, done.getData().getUsage().getTotalTokens());
    assertEquals(5L, done.getData().getUsage().getCompletionTokensDetails().getReasoningTokens());
    assertEquals(Fixtures.recordedEvents(), events);
  }

  @Test
  void aVisitorSeesTheEventsItHandlesAndOtherwiseTheRestUnknownIncluded() {
    stubStream(Fixtures.recordedStreamText());
    ResponseEvent.Visitor<String> describe =
        new ResponseEvent.Visitor<String>() {
          @Override
          public String visitPartDelta(PartDeltaEvent delta) {
            return "delta " + delta.getData().getPartId();
          }

          @Override
          public String visitResponseDone(ResponseDoneEvent done) {
            return "done " + done.getData().getFinishReason();
          }

          @Override
          public String otherwise(ResponseEvent event) {
            return (event.isUnknown() ? "unknown " : "") + event.getType().asString();
          }
        };
    List<String> described =
        readAll().stream().map(event -> event.accept(describe)).collect(Collectors.toList());
    assertEquals(
        List.of(
            "response.started",
            "delta reas_01",
            "part.done",
            "tool.review.requested",
            "tool.review.done",
            "tool.started",
            "tool.done",
            "tool.started",
            "tool.failed",
            "delta text_01",
            "delta text_01",
            "part.done",
            "part.done",
            "part.done",
            "part.done",
            "delta x_01",
            "unknown response.heartbeat",
            "done stop"),
        described);
  }

  @Test
  void responseFailedArrivesAsAnEventAndTheStreamEndsNormally() {
    stubStream("data: " + STARTED + "\n\ndata: " + FAILED + "\n\ndata: [DONE]\n\n");
    List<ResponseEvent> events = readAll();
    assertEquals(2, events.size());
    ResponseFailedEvent failed = events.get(1).asResponseFailed();
    assertEquals("The model is overloaded", failed.getData().getError());
    assertEquals(529, failed.getData().getCode());
  }

  @Test
  void javaStreamOfEventsClosesTheResponse() {
    stubStream(Fixtures.recordedStreamText());
    StreamResponse<ResponseEvent> response =
        client.conversations().createConversationResponse(CONVERSATION_ID, request());
    List<ResponseEvent.Type> types;
    try (java.util.stream.Stream<ResponseEvent> events = response.stream()) {
      types = events.map(ResponseEvent::getType).distinct().collect(Collectors.toList());
    }
    assertEquals(10, types.size(), types.toString());
    assertTrue(types.contains(ResponseEvent.Type.of("response.heartbeat")), types.toString());
    assertThrows(IllegalStateException.class, response::iterator, "a stream is iterated once");
    assertTrue(response.toString().contains("events=18"), response.toString());
  }

  @Test
  void theRequestIsAJsonPostThatAcceptsEventsWithAuth() {
    stubStream("data: [DONE]\n\n");
    assertEquals(0, readAll().size());
    server.verify(
        postRequestedFor(urlEqualTo(RESPONSES_PATH))
            .withHeader("Accept", equalTo("text/event-stream"))
            .withHeader("Authorization", equalTo("Bearer " + Fixtures.API_KEY))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("X-Orq-Retry-Count", equalTo("0"))
            .withRequestBody(
                equalToJson(
                    "{\"message\":{\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"Hello!\"}]},\"model\":\"openai/gpt-4o\",\"stream\":true}")));
  }

  @Test
  void streamFalseIsSentAsTrueAndOptionsHeadersApply() {
    stubStream("data: [DONE]\n\n");
    RequestOptions options = RequestOptions.builder().header("X-Trace", "abc").build();
    try (StreamResponse<ResponseEvent> stream =
        client
            .conversations()
            .createConversationResponse(
                CONVERSATION_ID, request().toBuilder().stream(false).taskId("task_9").build())
            .withOptions(options)) {
      assertFalse(stream.iterator().hasNext());
    }
    server.verify(
        postRequestedFor(urlEqualTo(RESPONSES_PATH))
            .withHeader("X-Trace", equalTo("abc"))
            .withRequestBody(equalToJson("{\"stream\":true,\"task_id\":\"task_9\"}", true, true)));
  }

  @Test
  void emptyIteratorThrowsNoSuchElement() {
    stubStream("data: [DONE]\n\n");
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(CONVERSATION_ID, request())) {
      Iterator<ResponseEvent> events = stream.iterator();
      assertThrows(NoSuchElementException.class, events::next);
      assertFalse(events.hasNext());
    }
  }

  @Test
  void notFoundBeforeTheStreamRaisesTheTypedErrorWithItsBody() {
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-request-id", "req_404")
                    .withBody("{\"message\":\"Conversation not found\"}")));
    NotFoundException e =
        assertThrows(
            NotFoundException.class,
            () ->
                client
                    .conversations()
                    .createConversationResponse(CONVERSATION_ID, request())
                    .iterator()
                    .hasNext());
    assertEquals(404, e.statusCode());
    assertEquals("Conversation not found", e.errorMessage());
    assertEquals("req_404", e.requestId());
    assertEquals(
        1,
        server.findAll(postRequestedFor(urlEqualTo(RESPONSES_PATH))).size(),
        "404 is not retried");
  }

  @Test
  void badRequestBeforeTheStreamRaisesTheTypedError() {
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":\"model is required\"}")));
    BadRequestException e =
        assertThrows(
            BadRequestException.class,
            () ->
                client
                    .conversations()
                    .createConversationResponse(CONVERSATION_ID, request())
                    .iterator()
                    .hasNext());
    assertEquals("model is required", e.errorMessage());
    assertEquals("{\"message\":\"model is required\"}", e.rawBody());
  }

  @Test
  void unavailableThenSuccessIsRetried() {
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .inScenario("retry")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse().withStatus(503).withHeader("retry-after-ms", "0").withBody("busy"))
            .willSetStateTo("recovered"));
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .inScenario("retry")
            .whenScenarioStateIs("recovered")
            .willReturn(sse("data: " + STARTED + "\n\ndata: [DONE]\n\n")));
    List<ResponseEvent> events = readAll();
    assertEquals(1, events.size());
    assertTrue(events.get(0).isResponseStarted(), events.get(0).toString());
    server.verify(2, postRequestedFor(urlEqualTo(RESPONSES_PATH)));
    server.verify(
        1,
        postRequestedFor(urlEqualTo(RESPONSES_PATH)).withHeader("X-Orq-Retry-Count", equalTo("1")));
  }

  @Test
  void retriesStopAtTheLimitWithTheLastError() {
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("retry-after-ms", "0")
                    .withBody("{\"message\":\"busy\"}")));
    RequestOptions oneRetry = RequestOptions.builder().maxRetries(1).build();
    InternalServerException e =
        assertThrows(
            InternalServerException.class,
            () ->
                client
                    .conversations()
                    .createConversationResponse(CONVERSATION_ID, request())
                    .withOptions(oneRetry)
                    .iterator()
                    .hasNext());
    assertEquals(503, e.statusCode());
    assertEquals("busy", e.errorMessage());
    server.verify(2, postRequestedFor(urlEqualTo(RESPONSES_PATH)));
  }

  @Test
  void aServerAskingToWaitTooLongIsNotRetried() {
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    assertThrows(
        ai.orq.sdk.errors.RateLimitException.class,
        () ->
            client
                .conversations()
                .createConversationResponse(CONVERSATION_ID, request())
                .iterator()
                .hasNext());
    server.verify(1, postRequestedFor(urlEqualTo(RESPONSES_PATH)));
  }

  @Test
  void aSuccessThatIsNotAnEventStreamIsAnInvalidResponse() {
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"answer\":\"buffered\"}")));
    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () ->
                client
                    .conversations()
                    .createConversationResponse(CONVERSATION_ID, request())
                    .iterator()
                    .hasNext());
    assertEquals(200, e.statusCode());
    assertEquals("{\"answer\":\"buffered\"}", e.bodySnippet());
    assertTrue(e.getMessage().contains("text/event-stream"), e.getMessage());
  }

  @Test
  void aSuccessWithoutContentTypeIsAnInvalidResponse() {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(aResponse().withStatus(204)));
    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () ->
                client
                    .conversations()
                    .createConversationResponse(CONVERSATION_ID, request())
                    .iterator()
                    .hasNext());
    assertEquals(204, e.statusCode());
  }

  @Test
  void malformedEventDataRaisesATypedExceptionWithTheRawData() {
    String broken = "{\"type\":\"part.delta\",\"data\":{\"partId\": oops";
    stubStream("data: " + STARTED + "\n\ndata: " + broken + "\n\ndata: [DONE]\n\n");
    List<ResponseEvent> events = new ArrayList<>();
    MalformedEventException e;
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(CONVERSATION_ID, request())) {
      Iterator<ResponseEvent> iterator = stream.iterator();
      events.add(iterator.next());
      e = assertThrows(MalformedEventException.class, iterator::hasNext);
      assertFalse(iterator.hasNext(), "the stream ends after the failure");
    }
    assertEquals(1, events.size());
    assertEquals(broken, e.rawData());
    assertNotNull(e.getCause());
    assertTrue(e.getMessage().contains("oops"), e.getMessage());
  }

  @Test
  void eventDataOfTheWrongShapeIsMalformed() {
    for (String data :
        new String[] {
          "null", "42", "[1,2]", "{\"type\":\"part.delta\",\"data\":\"text\"}", "{\"a\":1} trailing"
        }) {
      stubStream("data: " + data + "\n\ndata: [DONE]\n\n");
      try (StreamResponse<ResponseEvent> stream =
          client.conversations().createConversationResponse(CONVERSATION_ID, request())) {
        MalformedEventException e =
            assertThrows(MalformedEventException.class, () -> stream.iterator().next(), data);
        assertEquals(data, e.rawData());
      }
    }
  }

  @Test
  void anEventWithoutARequiredPropertyIsMalformedAndNamesIt() {
    String noData = "{\"type\":\"part.delta\",\"timestamp\":\"2026-02-01T10:00:00.000Z\"}";
    String noText =
        "{\"type\":\"part.delta\",\"timestamp\":\"t\",\"data\":{\"partId\":\"p\",\"delta\":{\"_id\":\"p\",\"kind\":\"text\"}}}";
    String[][] cases = {{noData, "\"data\""}, {noText, "\"data.delta.text\""}};
    for (String[] malformed : cases) {
      stubStream("data: " + malformed[0] + "\n\ndata: [DONE]\n\n");
      try (StreamResponse<ResponseEvent> stream =
          client.conversations().createConversationResponse(CONVERSATION_ID, request())) {
        MalformedEventException e =
            assertThrows(MalformedEventException.class, () -> stream.iterator().next());
        assertEquals(malformed[0], e.rawData());
        assertTrue(
            e.getMessage().contains("the required property " + malformed[1] + " is missing"),
            e.getMessage());
      }
    }
  }

  @Test
  @SuppressWarnings("deprecation") // reads the deprecated taskId
  void aDeprecatedPropertyMayBeAbsent() {
    String withoutTaskId = STARTED.replace("\"taskId\":\"t\",", "");
    stubStream("data: " + withoutTaskId + "\n\ndata: [DONE]\n\n");
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(CONVERSATION_ID, request())) {
      ResponseStartedEvent started = stream.iterator().next().asResponseStarted();
      assertEquals("resp_01", started.getData().getResponseId());
      assertNull(started.getData().getTaskId());
    }
  }

  @Test
  void aStreamEndingWithoutDoneIsTruncated() {
    stubStream("data: " + STARTED + "\n\ndata: " + STARTED + "\n\n");
    List<ResponseEvent> events = new ArrayList<>();
    StreamTruncatedException e =
        assertThrows(
            StreamTruncatedException.class,
            () -> {
              try (StreamResponse<ResponseEvent> stream =
                  client.conversations().createConversationResponse(CONVERSATION_ID, request())) {
                stream.forEach(events::add);
              }
            });
    assertEquals(2, events.size());
    assertEquals(2, e.eventsReceived());
    assertTrue(e.getMessage().contains("without [DONE]"), e.getMessage());
    assertNull(e.getCause());
    server.verify(1, postRequestedFor(urlEqualTo(RESPONSES_PATH)));
  }

  @Test
  void anEmptyBodyIsTruncatedToo() {
    stubStream("");
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(CONVERSATION_ID, request())) {
      assertEquals(
          0,
          assertThrows(StreamTruncatedException.class, () -> stream.iterator().hasNext())
              .eventsReceived());
    }
  }

  @Test
  void aConnectionThatCannotBeMadeIsAnIoErrorAfterRetries() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (OrqClient offline = Fixtures.client("http://127.0.0.1:" + port)) {
      RequestOptions noRetries = RequestOptions.builder().maxRetries(0).build();
      OrqIoException e =
          assertThrows(
              OrqIoException.class,
              () ->
                  offline
                      .conversations()
                      .createConversationResponse(CONVERSATION_ID, request())
                      .withOptions(noRetries)
                      .iterator()
                      .hasNext());
      assertInstanceOf(java.io.IOException.class, e.getCause());
    }
  }
}
