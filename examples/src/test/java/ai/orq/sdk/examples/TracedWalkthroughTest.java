package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.opentelemetry.OrqTelemetry;
import ai.orq.sdk.testing.OrqLocalServerTest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The walkthrough with orq-sdk-opentelemetry registered: one span per operation, in order, with the
 * GenAI attributes, and the client metrics, read from the in-memory exporter and reader.
 */
@OrqLocalServerTest
final class TracedWalkthroughTest {
  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private static final AttributeKey<String> OPERATION =
      AttributeKey.stringKey("gen_ai.operation.name");

  @Test
  void oneSpanPerOperationWithItsAttributesAndTheMetrics(OrqClient client) {
    try (OrqClient traced =
        client.newBuilder().addListener(OrqTelemetry.create(otel.getOpenTelemetry())).build()) {
      WalkthroughExample.run(traced, "test-project", "openai/gpt-4o-mini", new Output().stream);
    }

    List<SpanData> spans = otel.getSpans();
    assertEquals(
        Arrays.asList("create", "generateName", "update", "list", "chat", "retrieve", "delete"),
        spans.stream()
            .map(span -> span.getAttributes().get(OPERATION))
            .collect(Collectors.toList()));
    for (SpanData span : spans) {
      assertEquals(SpanKind.CLIENT, span.getKind(), span.getName());
      assertEquals("orq", span.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name")));
      assertTrue(span.getAttributes().get(AttributeKey.longKey("server.port")) > 0, span.getName());
    }
    SpanData chat = spans.get(4);
    assertEquals("chat openai/gpt-4o-mini", chat.getName());
    assertTrue(chat.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens")) > 0);
    assertEquals(
        Arrays.asList("stop"),
        chat.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")));

    Set<String> metrics =
        otel.getMetrics().stream().map(MetricData::getName).collect(Collectors.toSet());
    assertTrue(
        metrics.containsAll(
            Arrays.asList(
                "gen_ai.client.operation.duration", "gen_ai.client.token.usage",
                "gen_ai.client.operation.time_to_first_chunk",
                    "gen_ai.client.operation.time_per_output_chunk")),
        metrics.toString());
    MetricData duration =
        otel.getMetrics().stream()
            .filter(metric -> metric.getName().equals("gen_ai.client.operation.duration"))
            .findFirst()
            .get();
    assertEquals(
        7,
        duration.getHistogramData().getPoints().stream()
            .mapToLong(point -> point.getCount())
            .sum());
  }
}
