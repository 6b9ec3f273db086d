package ai.orq.sdk.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers of the telemetry tests: requests, and reading the in-memory spans and metrics. */
final class Fixtures {
  static final String MODEL = "openai/gpt-4o";

  private Fixtures() {}

  static String newConversation(OrqClient client) {
    return client
        .conversations()
        .create(CreateConversationRequest.builder().projectId("test-project").build())
        .execute()
        .getId();
  }

  static CreateResponseRequest ask(String text) {
    return CreateResponseRequest.builder().model(MODEL).message(Messages.userText(text)).build();
  }

  /** The one ended span of this name, waiting up to 5 s for async operations to end. */
  static SpanData span(OpenTelemetryExtension otel, String name) throws InterruptedException {
    List<SpanData> named = spans(otel, name);
    for (int i = 0; i < 500 && named.isEmpty(); i++) {
      Thread.sleep(10);
      named = spans(otel, name);
    }
    assertEquals(1, named.size(), () -> "spans named " + name + ": " + otel.getSpans());
    return named.get(0);
  }

  static List<SpanData> spans(OpenTelemetryExtension otel, String name) {
    return otel.getSpans().stream()
        .filter(span -> span.getName().equals(name))
        .collect(Collectors.toList());
  }

  static MetricData metric(OpenTelemetryExtension otel, String name) {
    return otel.getMetrics().stream()
        .filter(metric -> metric.getName().equals(name))
        .findFirst()
        .orElseGet(() -> fail("no metric " + name + " in " + otel.getMetrics()));
  }

  /** The histogram points of {@code name} whose attributes have this operation name. */
  static List<HistogramPointData> points(
      OpenTelemetryExtension otel, String name, String operation) {
    return metric(otel, name).getHistogramData().getPoints().stream()
        .filter(point -> operation.equals(point.getAttributes().get(GenAi.OPERATION_NAME)))
        .collect(Collectors.toList());
  }
}
