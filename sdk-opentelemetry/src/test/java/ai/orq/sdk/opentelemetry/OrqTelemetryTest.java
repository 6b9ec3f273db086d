package ai.orq.sdk.opentelemetry;

import static ai.orq.sdk.opentelemetry.Fixtures.newConversation;
import static ai.orq.sdk.opentelemetry.Fixtures.points;
import static ai.orq.sdk.opentelemetry.Fixtures.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqCall;
import ai.orq.sdk.OrqCallback;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.OrqResponse;
import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.Operation;
import ai.orq.sdk.localserver.RecordedRequest;
import ai.orq.sdk.localserver.ScriptedError;
import ai.orq.sdk.model.ConversationPage;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The span and metrics of a call (not a stream) against the local server: its attributes, its
 * attempts and retries, the trace context on the wire and in async callbacks, its errors.
 */
@OrqLocalServerTest
final class OrqTelemetryTest {
  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private OrqClient traced(OrqClient client) {
    return client.newBuilder().addListener(OrqTelemetry.create(otel.getOpenTelemetry())).build();
  }

  @Test
  void aCallIsOneClientSpanWithItsAttributesAndDuration(LocalOrqServer server, OrqClient client)
      throws Exception {
    try (OrqClient observed = traced(client)) {
      String id = newConversation(observed);

      SpanData create = span(otel, "create");
      assertEquals(SpanKind.CLIENT, create.getKind());
      assertEquals(StatusCode.UNSET, create.getStatus().getStatusCode());
      Attributes attributes = create.getAttributes();
      assertEquals("create", attributes.get(GenAi.OPERATION_NAME));
      assertEquals("orq", attributes.get(GenAi.PROVIDER_NAME));
      assertEquals(
          okhttp3.HttpUrl.get(server.baseUrl()).host(), attributes.get(GenAi.SERVER_ADDRESS));
      assertEquals(
          (long) okhttp3.HttpUrl.get(server.baseUrl()).port(), attributes.get(GenAi.SERVER_PORT));
      assertNull(attributes.get(GenAi.REQUEST_STREAM), "set only on streams");
      assertNull(attributes.get(GenAi.HTTP_RESEND_COUNT), "no retry");
      assertEquals(
          "https://opentelemetry.io/schemas/1.41.0",
          create.getInstrumentationScopeInfo().getSchemaUrl());

      observed.conversations().retrieve(id).execute();
      assertEquals(id, span(otel, "retrieve").getAttributes().get(GenAi.CONVERSATION_ID));

      List<HistogramPointData> durations =
          points(otel, "gen_ai.client.operation.duration", "create");
      assertEquals(1, durations.size());
      assertEquals(1, durations.get(0).getCount());
      assertEquals(GenAi.DURATION_BUCKETS, durations.get(0).getBoundaries());
      assertEquals("orq", durations.get(0).getAttributes().get(GenAi.PROVIDER_NAME));
      assertNull(
          durations.get(0).getAttributes().get(GenAi.CONVERSATION_ID), "not a metric attribute");
    }
  }

  @Test
  void eachAttemptCarriesTheSpansTraceContext(LocalOrqServer server, OrqClient client)
      throws Exception {
    server.failNext(Operation.LIST, 1, ScriptedError.status(429).retryAfter(Duration.ofMillis(10)));
    try (OrqClient observed = traced(client)) {
      observed.conversations().list().execute();
    }

    SpanData list = span(otel, "list");
    String traceparent = "00-" + list.getTraceId() + "-" + list.getSpanId() + "-";
    RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS);
    RecordedRequest second = server.takeRequest(1, TimeUnit.SECONDS);
    assertTrue(first.header("traceparent").startsWith(traceparent), first.header("traceparent"));
    assertEquals(first.header("traceparent"), second.header("traceparent"));
    assertEquals(StatusCode.UNSET, list.getStatus().getStatusCode(), "answered in the end");
    assertEquals(1L, list.getAttributes().get(GenAi.HTTP_RESEND_COUNT));
    List<EventData> attempts = list.getEvents();
    assertEquals(2, attempts.size());
    assertEquals("orq.attempt", attempts.get(0).getName());
    assertEquals(0L, attempts.get(0).getAttributes().get(GenAi.HTTP_RESEND_COUNT));
    assertEquals(429L, attempts.get(0).getAttributes().get(GenAi.HTTP_STATUS_CODE));
    assertEquals(10L, attempts.get(0).getAttributes().get(GenAi.RETRY_DELAY_MS));
    assertEquals(1L, attempts.get(1).getAttributes().get(GenAi.HTTP_RESEND_COUNT));
    assertEquals(200L, attempts.get(1).getAttributes().get(GenAi.HTTP_STATUS_CODE));
    assertNull(attempts.get(1).getAttributes().get(GenAi.RETRY_DELAY_MS));
  }

  @Test
  void aFailedCallEndsItsSpanWithTheTypedException(OrqClient client) throws Exception {
    try (OrqClient observed = traced(client)) {
      assertThrows(
          NotFoundException.class,
          () -> observed.conversations().retrieve("conv_missing").execute());
    }

    SpanData retrieve = span(otel, "retrieve");
    assertEquals(StatusCode.ERROR, retrieve.getStatus().getStatusCode());
    assertEquals(NotFoundException.class.getName(), retrieve.getAttributes().get(GenAi.ERROR_TYPE));
    HistogramPointData duration =
        points(otel, "gen_ai.client.operation.duration", "retrieve").get(0);
    assertEquals(NotFoundException.class.getName(), duration.getAttributes().get(GenAi.ERROR_TYPE));
  }

  @Test
  @SuppressWarnings("try") // the scope is only closed
  void executeAsyncIsAChildOfTheCallersSpanWhichIsCurrentInItsStages(OrqClient client)
      throws Exception {
    Span parent = otel.getOpenTelemetry().getTracer("test").spanBuilder("parent").startSpan();
    AtomicReference<Span> inStage = new AtomicReference<>();
    try (OrqClient observed = traced(client)) {
      CompletableFuture<ConversationPage> page;
      try (Scope ignored = parent.makeCurrent()) {
        page = observed.conversations().list().executeAsync();
      }
      page.thenRun(() -> inStage.set(Span.current())).get(5, TimeUnit.SECONDS);
      page.get(5, TimeUnit.SECONDS);
    } finally {
      parent.end();
    }

    assertEquals(parent.getSpanContext().getSpanId(), span(otel, "list").getParentSpanId());
    assertSame(parent, inStage.get());
  }

  @Test
  @SuppressWarnings("try") // the scope is only closed
  void enqueueRunsItsCallbackInTheCallersContext(OrqClient client) throws Exception {
    Span parent = otel.getOpenTelemetry().getTracer("test").spanBuilder("parent").startSpan();
    CompletableFuture<Span> inCallback = new CompletableFuture<>();
    try (OrqClient observed = traced(client)) {
      try (Scope ignored = parent.makeCurrent()) {
        observed
            .conversations()
            .list()
            .enqueue(
                new OrqCallback<ConversationPage>() {
                  @Override
                  public void onSuccess(
                      OrqCall<ConversationPage> call, OrqResponse<ConversationPage> response) {
                    inCallback.complete(Span.current());
                  }

                  @Override
                  public void onFailure(OrqCall<ConversationPage> call, OrqException error) {
                    inCallback.completeExceptionally(error);
                  }
                });
      }
      assertSame(parent, inCallback.get(5, TimeUnit.SECONDS));
      assertFalse(
          Span.current().getSpanContext().isValid(), "the test thread's context is left as it was");
    } finally {
      parent.end();
    }
    assertEquals(parent.getSpanContext().getSpanId(), span(otel, "list").getParentSpanId());
  }

  @Test
  void theLatestExperimentalOptInRenamesTheClientMetrics(OrqClient client) throws Exception {
    OrqTelemetry latest =
        OrqTelemetry.builder(otel.getOpenTelemetry()).build("http, gen_ai_latest_experimental");
    try (OrqClient observed = client.newBuilder().addListener(latest).build()) {
      observed.conversations().list().execute();
    }

    span(otel, "list");
    assertEquals(1, points(otel, "gen_ai.client.inference.duration", "list").size());
    assertTrue(
        otel.getMetrics().stream()
            .noneMatch(m -> m.getName().equals("gen_ai.client.operation.duration")));
    assertFalse(GenAi.forOptIn(null).latestExperimental());
    assertFalse(GenAi.forOptIn("gen_ai").latestExperimental());
  }

  @Test
  void withoutOpenTelemetryNothingIsBuilt() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> OrqTelemetry.create(null));
    assertEquals("openTelemetry == null", e.getMessage());
  }
}
