package ai.orq.sdk.opentelemetry;

import static ai.orq.sdk.opentelemetry.Fixtures.MODEL;
import static ai.orq.sdk.opentelemetry.Fixtures.ask;
import static ai.orq.sdk.opentelemetry.Fixtures.newConversation;
import static ai.orq.sdk.opentelemetry.Fixtures.points;
import static ai.orq.sdk.opentelemetry.Fixtures.span;
import static ai.orq.sdk.opentelemetry.Fixtures.spans;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.ResponseFailedException;
import ai.orq.sdk.errors.StreamTruncatedException;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.ScriptedResponse;
import ai.orq.sdk.localserver.ScriptedToolCall;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.streaming.ResponseAccumulator;
import ai.orq.sdk.testing.OrqLocalServerTest;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code chat} span of a streamed response, its tool spans and events, its metrics and its end
 * on every path: done, failed, truncated, closed midway, closed with the client, async.
 */
@OrqLocalServerTest
final class StreamTelemetryTest {
  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private static final String CHAT = "chat " + MODEL;
  private static final ScriptedToolCall REFUND =
      ScriptedToolCall.of("call_1", "refund", "{\"order\":\"A-17\"}");

  private static ScriptedResponse withTools() {
    return ScriptedResponse.builder()
        .reasoning("The user wants ", "a refund.")
        .text("Let me ", "check that.")
        .toolReviewRequested(REFUND)
        .toolReviewDone(REFUND, true)
        .toolStarted(REFUND)
        .toolDone(REFUND, "{\"refunded\":true}")
        .build();
  }

  private static OrqClient traced(OrqClient client, boolean content) {
    return client
        .newBuilder()
        .addListener(
            OrqTelemetry.builder(otel.getOpenTelemetry()).captureMessageContent(content).build())
        .build();
  }

  private static int readAll(OrqClient client, String conversationId) {
    int events = 0;
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(conversationId, ask("Refund A-17"))) {
      for (ResponseEvent ignored : stream) {
        events++;
      }
    }
    return events;
  }

  @Test
  void aStreamedReplyIsAChatSpanWithToolSpansReviewsUsageAndChunkMetrics(
      LocalOrqServer server, OrqClient client) throws Exception {
    server.enqueue(withTools());
    int events;
    String id;
    try (OrqClient observed = traced(client, false)) {
      id = newConversation(observed);
      events = readAll(observed, id);
    }

    SpanData chat = span(otel, CHAT);
    assertEquals(SpanKind.CLIENT, chat.getKind());
    assertEquals(StatusCode.UNSET, chat.getStatus().getStatusCode());
    Attributes attributes = chat.getAttributes();
    assertEquals("chat", attributes.get(GenAi.OPERATION_NAME));
    assertEquals("orq", attributes.get(GenAi.PROVIDER_NAME));
    assertEquals(id, attributes.get(GenAi.CONVERSATION_ID));
    assertEquals(MODEL, attributes.get(GenAi.REQUEST_MODEL));
    assertEquals(true, attributes.get(GenAi.REQUEST_STREAM));
    assertNotNull(attributes.get(GenAi.RESPONSE_ID));
    assertNotNull(attributes.get(GenAi.RESPONSE_MODEL));
    assertEquals(Collections.singletonList("stop"), attributes.get(GenAi.RESPONSE_FINISH_REASONS));
    assertTrue(attributes.get(GenAi.USAGE_INPUT_TOKENS) > 0);
    assertTrue(attributes.get(GenAi.USAGE_OUTPUT_TOKENS) > 0);
    assertTrue(attributes.get(GenAi.RESPONSE_TIME_TO_FIRST_CHUNK) >= 0);
    assertNull(attributes.get(GenAi.OUTPUT_MESSAGES), "no content without the opt-in");

    List<String> names =
        chat.getEvents().stream().map(EventData::getName).collect(Collectors.toList());
    assertEquals(
        java.util.Arrays.asList("orq.attempt", "orq.tool.review.requested", "orq.tool.review.done"),
        names);
    assertEquals("call_1", chat.getEvents().get(1).getAttributes().get(GenAi.TOOL_CALL_ID));
    assertEquals("refund", chat.getEvents().get(1).getAttributes().get(GenAi.TOOL_NAME));
    assertEquals("approved", chat.getEvents().get(2).getAttributes().get(GenAi.REVIEW_OUTCOME));

    SpanData tool = span(otel, "execute_tool refund");
    assertEquals(chat.getSpanId(), tool.getParentSpanId());
    assertEquals(SpanKind.INTERNAL, tool.getKind());
    assertEquals("execute_tool", tool.getAttributes().get(GenAi.OPERATION_NAME));
    assertEquals("call_1", tool.getAttributes().get(GenAi.TOOL_CALL_ID));
    assertNull(tool.getAttributes().get(GenAi.TOOL_CALL_ARGUMENTS));
    assertNull(tool.getAttributes().get(GenAi.TOOL_CALL_RESULT));

    HistogramPointData first =
        points(otel, "gen_ai.client.operation.time_to_first_chunk", "chat").get(0);
    assertEquals(1, first.getCount());
    assertEquals(GenAi.DURATION_BUCKETS, first.getBoundaries());
    assertEquals(
        events - 1,
        points(otel, "gen_ai.client.operation.time_per_output_chunk", "chat").get(0).getCount());
    List<HistogramPointData> tokens = points(otel, "gen_ai.client.token.usage", "chat");
    assertEquals(2, tokens.size(), "input and output");
    for (HistogramPointData point : tokens) {
      assertTrue(point.getAttributes().get(GenAi.TOKEN_TYPE).matches("input|output"));
      assertEquals(1, point.getCount());
      assertEquals(
          GenAi.TOKEN_BUCKETS.stream().map(Long::doubleValue).collect(Collectors.toList()),
          point.getBoundaries());
    }
    assertEquals(1, points(otel, "gen_ai.client.operation.duration", "chat").get(0).getCount());
  }

  @Test
  void withContentCaptureTheOutputMessageAndToolCallsAreRecorded(
      LocalOrqServer server, OrqClient client) throws Exception {
    server.enqueue(withTools());
    try (OrqClient observed = traced(client, true)) {
      readAll(observed, newConversation(observed));
    }

    String messages = span(otel, CHAT).getAttributes().get(GenAi.OUTPUT_MESSAGES);
    assertEquals(
        "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"reasoning\",\"content\":\"The user wants a"
            + " refund.\"},{\"type\":\"text\",\"content\":\"Let me check"
            + " that.\"}],\"finish_reason\":\"stop\"}]",
        messages);
    SpanData tool = span(otel, "execute_tool refund");
    assertEquals("{\"order\":\"A-17\"}", tool.getAttributes().get(GenAi.TOOL_CALL_ARGUMENTS));
    assertEquals("{\"refunded\":true}", tool.getAttributes().get(GenAi.TOOL_CALL_RESULT));
  }

  @Test
  void aFailedToolEndsItsSpanAsAnError(LocalOrqServer server, OrqClient client) throws Exception {
    server.enqueue(
        ScriptedResponse.builder().toolStarted(REFUND).toolFailed(REFUND, "no such order").build());
    try (OrqClient observed = traced(client, false)) {
      readAll(observed, newConversation(observed));
    }

    SpanData tool = span(otel, "execute_tool refund");
    assertEquals(StatusCode.ERROR, tool.getStatus().getStatusCode());
    assertEquals("tool failed", tool.getStatus().getDescription(), "the tool's error is content");
    assertEquals("_OTHER", tool.getAttributes().get(GenAi.ERROR_TYPE));
  }

  @Test
  void responseFailedEndsTheSpanFailedReadPlainOrAccumulated(
      LocalOrqServer server, OrqClient client) throws Exception {
    server.enqueue(ScriptedResponse.builder().text("Half").fail(500, "model overloaded").build());
    server.enqueue(ScriptedResponse.builder().text("Half").fail(500, "model overloaded").build());
    try (OrqClient observed = traced(client, false)) {
      String id = newConversation(observed);
      readAll(observed, id); // a plain stream delivers response.failed and ends normally
      SpanData plain = assertEnded(ResponseFailedException.class);
      assertEquals("response failed (500): model overloaded", plain.getStatus().getDescription());
      otel.clearSpans();

      assertThrows(
          ResponseFailedException.class,
          () ->
              ResponseAccumulator.assemble(
                  observed.conversations().createConversationResponse(id, ask("Again"))));
    }

    assertEnded(ResponseFailedException.class);
  }

  @Test
  void aTruncatedStreamEndsTheSpanWithItsException(LocalOrqServer server, OrqClient client)
      throws Exception {
    server.enqueue(ScriptedResponse.builder().toolStarted(REFUND).text("Cut").truncate().build());
    try (OrqClient observed = traced(client, false)) {
      String id = newConversation(observed);
      assertThrows(StreamTruncatedException.class, () -> readAll(observed, id));
    }

    assertEnded(StreamTruncatedException.class);
    SpanData tool = span(otel, "execute_tool refund");
    assertEquals(StatusCode.ERROR, tool.getStatus().getStatusCode(), "ended with its operation");
    assertEquals(
        StreamTruncatedException.class.getName(), tool.getAttributes().get(GenAi.ERROR_TYPE));
  }

  @Test
  void aStreamClosedMidwayEndsItsSpanOnceAsACancel(LocalOrqServer server, OrqClient client)
      throws Exception {
    server.enqueue(withTools());
    try (OrqClient observed = traced(client, false)) {
      try (StreamResponse<ResponseEvent> stream =
          observed
              .conversations()
              .createConversationResponse(newConversation(observed), ask("Hi"))) {
        Iterator<ResponseEvent> each = stream.iterator();
        each.next();
        each.next();
      }
    }

    assertEnded(OrqCanceledException.class);
  }

  @Test
  void aStreamClosedWithTheClientEndsItsSpanOnceAsACancel(LocalOrqServer server, OrqClient client)
      throws Exception {
    server.enqueue(
        ScriptedResponse.builder()
            .text("Slow", " reply", " here")
            .eventDelay(Duration.ofMillis(200))
            .build());
    OrqClient observed = traced(client, false);
    StreamResponse<ResponseEvent> stream =
        observed.conversations().createConversationResponse(newConversation(observed), ask("Hi"));
    Iterator<ResponseEvent> each = stream.iterator();
    each.next();
    observed.close();
    assertThrows(
        OrqException.class,
        () -> {
          while (each.hasNext()) {
            each.next();
          }
        });
    stream.close();

    SpanData chat = assertEnded(OrqCanceledException.class);
    assertEquals(OrqCanceledException.class.getName(), chat.getAttributes().get(GenAi.ERROR_TYPE));
  }

  @Test
  @SuppressWarnings("try") // the scope is only closed
  void anAsyncStreamIsAChildOfTheCallersSpanWhichIsCurrentInItsHandler(OrqClient client)
      throws Exception {
    Span parent = otel.getOpenTelemetry().getTracer("test").spanBuilder("parent").startSpan();
    List<Span> inHandler = new CopyOnWriteArrayList<>();
    try (OrqClient observed = traced(client, false)) {
      String id = newConversation(observed);
      try (Scope ignored = parent.makeCurrent()) {
        observed
            .conversations()
            .createConversationResponseAsync(id, ask("Hi"))
            .subscribe(event -> inHandler.add(Span.current()))
            .onCompleteFuture()
            .thenRun(() -> inHandler.add(Span.current()))
            .get(5, TimeUnit.SECONDS);
      }
    } finally {
      parent.end();
    }

    assertEquals(parent.getSpanContext().getSpanId(), span(otel, CHAT).getParentSpanId());
    assertTrue(inHandler.size() > 2, "events and the completion stage");
    for (Span current : inHandler) {
      assertSame(parent, current);
    }
  }

  /** The chat span, ended once with {@code error} (or a subclass) as its error type. */
  private static SpanData assertEnded(Class<? extends OrqException> error)
      throws InterruptedException {
    SpanData chat = span(otel, CHAT);
    assertEquals(StatusCode.ERROR, chat.getStatus().getStatusCode());
    assertTrue(
        error.isAssignableFrom(loaded(chat.getAttributes().get(GenAi.ERROR_TYPE))),
        () -> chat.getAttributes().toString());
    assertEquals(1, spans(otel, CHAT).size());
    String errorType = chat.getAttributes().get(GenAi.ERROR_TYPE);
    assertTrue(
        points(otel, "gen_ai.client.operation.duration", "chat").stream()
            .anyMatch(point -> errorType.equals(point.getAttributes().get(GenAi.ERROR_TYPE))),
        "the duration is recorded with the error type");
    return chat;
  }

  private static Class<?> loaded(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(name, e);
    }
  }
}
