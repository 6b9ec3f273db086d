package ai.orq.sdk.streaming;

import static ai.orq.sdk.streaming.Fixtures.CONVERSATION_ID;
import static ai.orq.sdk.streaming.Fixtures.RESPONSES_PATH;
import static ai.orq.sdk.streaming.Fixtures.request;
import static ai.orq.sdk.streaming.StreamResponseTest.FAILED;
import static ai.orq.sdk.streaming.StreamResponseTest.STARTED;
import static ai.orq.sdk.streaming.StreamResponseTest.sse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.ResponseFailedException;
import ai.orq.sdk.errors.ResponseTooLargeException;
import ai.orq.sdk.errors.StreamTruncatedException;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.PartDeltaEventData;
import ai.orq.sdk.model.PartDoneEvent;
import ai.orq.sdk.model.PartDoneEventData;
import ai.orq.sdk.model.PendingToolCall;
import ai.orq.sdk.model.PendingToolCallFunction;
import ai.orq.sdk.model.ResponseDataPart;
import ai.orq.sdk.model.ResponseDoneEvent;
import ai.orq.sdk.model.ResponseDoneEventData;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseFailedEvent;
import ai.orq.sdk.model.ResponseFailedEventData;
import ai.orq.sdk.model.ResponsePart;
import ai.orq.sdk.model.ResponseReasoningPart;
import ai.orq.sdk.model.ResponseTextPart;
import ai.orq.sdk.model.ToolCallType;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Assembling the answer: from events in memory, from a blocking stream and from an async one. */
final class ResponseAccumulatorTest {
  static final String ANSWER = "Grüezi! It is 21 °C ☀️ in Zürich — 好天气.";

  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  @AutoClose private final OrqClient client = Fixtures.client(server);

  static final String TIMESTAMP = "2026-02-01T10:00:00.000Z";

  static PartDeltaEvent delta(String partId, ResponsePart delta) {
    return PartDeltaEvent.builder()
        .timestamp(TIMESTAMP)
        .data(PartDeltaEventData.builder().partId(partId).delta(delta).build())
        .build();
  }

  static PartDeltaEvent textDelta(String partId, String text) {
    return delta(partId, ResponseTextPart.builder().id(partId).text(text).build());
  }

  static PartDoneEvent textDone(String partId, String text) {
    return PartDoneEvent.builder()
        .timestamp(TIMESTAMP)
        .data(
            PartDoneEventData.builder()
                .partId(partId)
                .part(ResponseTextPart.builder().id(partId).text(text).build())
                .build())
        .build();
  }

  @Test
  void assemblesTheRecordedStream() {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse(Fixtures.recordedStreamText())));
    AssembledResponse answer =
        ResponseAccumulator.assemble(
            client.conversations().createConversationResponse(CONVERSATION_ID, request()));
    assertEquals(ANSWER, answer.text());
    assertEquals("The user greets; answer kindly.", answer.reasoning());
    assertEquals("resp_01", answer.responseId());
    assertEquals(FinishReason.STOP, answer.finishReason());
    assertEquals(32L, answer.usage().getTotalTokens());
    assertEquals(12L, answer.usage().getPromptTokens());
    assertEquals(Collections.emptyList(), answer.pendingToolCalls());
    assertEquals(18, answer.eventCount());
    assertTrue(answer.toString().contains("finishReason=stop"), answer.toString());
  }

  @Test
  void assemblesAnAsyncStream() throws Exception {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse(Fixtures.recordedStreamText())));
    AssembledResponse answer =
        ResponseAccumulator.assemble(
                client.conversations().createConversationResponseAsync(CONVERSATION_ID, request()))
            .get(10, TimeUnit.SECONDS);
    assertEquals(ANSWER, answer.text());
    assertEquals(18, answer.eventCount());
  }

  @Test
  void responseFailedBecomesATypedExceptionAndClosesTheStream() {
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .willReturn(sse("data: " + STARTED + "\n\ndata: " + FAILED + "\n\ndata: [DONE]\n\n")));
    StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(CONVERSATION_ID, request());
    ResponseFailedException e =
        assertThrows(ResponseFailedException.class, () -> ResponseAccumulator.assemble(stream));
    assertEquals("The model is overloaded", e.error());
    assertEquals(529, e.code());
    assertEquals("response failed (529): The model is overloaded", e.getMessage());
    assertThrows(IllegalStateException.class, stream::iterator, "assemble consumed the stream");
  }

  @Test
  void responseFailedFailsTheAsyncFuture() {
    server.stubFor(
        post(urlEqualTo(RESPONSES_PATH))
            .willReturn(sse("data: " + STARTED + "\n\ndata: " + FAILED + "\n\ndata: [DONE]\n\n")));
    CompletableFuture<AssembledResponse> answer =
        ResponseAccumulator.assemble(
            client.conversations().createConversationResponseAsync(CONVERSATION_ID, request()));
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
    ResponseFailedException failed = assertInstanceOf(ResponseFailedException.class, e.getCause());
    assertEquals(529, failed.code());
  }

  @Test
  void responseFailedStaysTheCauseWhenTheStreamThenBreaks() {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse("data: " + FAILED + "\n\n")));
    CompletableFuture<AssembledResponse> answer =
        ResponseAccumulator.assemble(
            client.conversations().createConversationResponseAsync(CONVERSATION_ID, request()));
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
    assertInstanceOf(ResponseFailedException.class, e.getCause());
  }

  @Test
  void streamFailuresReachTheAsyncFuture() {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse("data: " + STARTED + "\n\n")));
    CompletableFuture<AssembledResponse> answer =
        ResponseAccumulator.assemble(
            client.conversations().createConversationResponseAsync(CONVERSATION_ID, request()));
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
    assertInstanceOf(StreamTruncatedException.class, e.getCause());
  }

  @Test
  void streamFailuresReachTheBlockingCaller() {
    server.stubFor(post(urlEqualTo(RESPONSES_PATH)).willReturn(sse("data: " + STARTED + "\n\n")));
    assertThrows(
        StreamTruncatedException.class,
        () ->
            ResponseAccumulator.assemble(
                client.conversations().createConversationResponse(CONVERSATION_ID, request())));
  }

  @Test
  void aPartDoneReplacesItsDeltasAndPartsJoinInOrder() {
    ResponseAccumulator accumulator = ResponseAccumulator.create();
    accumulator.accept(textDelta("a", "Hel"));
    accumulator.accept(textDelta("b", "Second."));
    accumulator.accept(textDelta("a", "lo"));
    assertEquals("HelloSecond.", accumulator.text());
    accumulator.accept(textDone("a", "Hello! "));
    accumulator.accept(
        delta("r", ResponseReasoningPart.builder().id("r").reasoning("think").build()));
    accumulator.accept(delta("x", ResponseTextPart.builder().id("x").text("").build()));
    JsonObject hologram =
        JsonParser.parseString("{\"_id\":\"h\",\"kind\":\"hologram\",\"text\":\"not text\"}")
            .getAsJsonObject();
    accumulator.accept(delta("h", ResponsePart.Unknown.of(hologram)));
    AssembledResponse answer = accumulator.result();
    assertEquals("Hello! Second.", answer.text());
    assertEquals("think", answer.reasoning());
    assertNull(answer.finishReason());
    assertNull(answer.usage());
    assertNull(answer.responseId());
    assertEquals(7, answer.eventCount());
    assertEquals(List.of(ResponsePart.Unknown.of(hologram)), answer.otherParts());
  }

  @Test
  void otherPartsAreKeptWholeTheLatestOfEachPartIdAndCountTowardTheLimit() {
    ResponseAccumulator accumulator = ResponseAccumulator.create(200);
    ResponsePart first = data("d", "{\"rows\":1}");
    ResponsePart second = data("d", "{\"rows\":2}");
    ResponsePart other = data("e", "{}");
    accumulator.accept(delta("d", first));
    accumulator.accept(delta("e", other));
    accumulator.accept(delta("d", second));
    assertEquals(List.of(second, other), accumulator.result().otherParts());
    assertThrows(
        UnsupportedOperationException.class, () -> accumulator.result().otherParts().clear());
    ResponseTooLargeException tooLarge =
        assertThrows(
            ResponseTooLargeException.class,
            () ->
                accumulator.accept(delta("f", data("f", "{\"big\":\"" + "x".repeat(60) + "\"}"))));
    assertEquals(200, tooLarge.limitBytes());
  }

  private static ResponsePart data(String partId, String json) {
    return ResponseDataPart.builder()
        .id(partId)
        .data(JsonParser.parseString(json).getAsJsonObject())
        .build();
  }

  @Test
  void eventsWithoutTheirRequiredPropertiesCannotBeBuilt() {
    IllegalStateException noData =
        assertThrows(
            IllegalStateException.class,
            () -> PartDeltaEvent.builder().timestamp(TIMESTAMP).build());
    assertEquals("PartDeltaEvent.data is required", noData.getMessage());
    IllegalStateException noText =
        assertThrows(IllegalStateException.class, () -> ResponseTextPart.builder().id("x").build());
    assertEquals("ResponseTextPart.text is required", noText.getMessage());
  }

  @Test
  void pendingToolCallsAreKeptUnmodifiable() {
    ResponseAccumulator accumulator = ResponseAccumulator.create();
    PendingToolCall call =
        PendingToolCall.builder()
            .id("call_1")
            .type(ToolCallType.FUNCTION)
            .function(
                PendingToolCallFunction.builder()
                    .name("weather")
                    .arguments("{\"city\":\"Bern\"}")
                    .build())
            .build();
    accumulator.accept(
        ResponseDoneEvent.builder()
            .timestamp(TIMESTAMP)
            .data(
                ResponseDoneEventData.builder()
                    .finishReason(FinishReason.FUNCTION_CALL)
                    .addPendingToolCall(call)
                    .build())
            .build());
    AssembledResponse answer = accumulator.result();
    assertEquals(FinishReason.FUNCTION_CALL, answer.finishReason());
    assertEquals(Collections.singletonList(call), answer.pendingToolCalls());
    assertThrows(UnsupportedOperationException.class, () -> answer.pendingToolCalls().clear());
    assertEquals("", answer.text());
  }

  @Test
  void aFailedEventThrowsWithItsDetails() {
    ResponseAccumulator accumulator = ResponseAccumulator.create();
    ResponseFailedException withCode =
        assertThrows(
            ResponseFailedException.class,
            () ->
                accumulator.accept(
                    ResponseFailedEvent.builder()
                        .timestamp(TIMESTAMP)
                        .data(ResponseFailedEventData.builder().error("quota").code(429).build())
                        .build()));
    assertEquals("quota", withCode.error());
    assertEquals(429, withCode.code());
    assertEquals("response failed (429): quota", withCode.getMessage());
    assertEquals(1, accumulator.result().eventCount());
  }

  @Test
  void argumentsAreChecked() {
    assertThrows(NullPointerException.class, () -> ResponseAccumulator.create().accept(null));
    assertThrows(
        NullPointerException.class,
        () -> ResponseAccumulator.assemble((StreamResponse<ResponseEvent>) null));
    assertThrows(
        NullPointerException.class,
        () -> ResponseAccumulator.assemble((ai.orq.sdk.AsyncStreamResponse<ResponseEvent>) null));
  }
}
