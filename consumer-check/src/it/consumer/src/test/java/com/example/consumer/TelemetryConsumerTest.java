package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.opentelemetry.OrqTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a user adds for tracing: orq-sdk-opentelemetry and one line on the client builder. With the
 * API alone (no OpenTelemetry SDK) the caller's trace context still reaches the server.
 */
class TelemetryConsumerTest {
  @Test
  void theCallersTraceContextReachesTheServer() throws InterruptedException {
    OpenTelemetry openTelemetry =
        OpenTelemetry.propagating(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
    SpanContext caller =
        SpanContext.create(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            TraceFlags.getSampled(),
            TraceState.getDefault());
    try (LocalOrqServer server = LocalOrqServer.builder().build().start();
        OrqClient client =
            OrqClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(server.baseUrl())
                .addListener(OrqTelemetry.create(openTelemetry))
                .build()) {
      try (Scope ignored = Span.wrap(caller).makeCurrent()) {
        client.conversations().list().execute();
      }
      assertEquals(
          "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
          server.takeRequest(1, TimeUnit.SECONDS).header("traceparent"));
    }
  }
}
