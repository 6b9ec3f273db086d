package ai.orq.sdk.examples;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.opentelemetry.OrqTelemetry;
import ai.orq.sdk.streaming.ResponseAccumulator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Traces a short walkthrough with {@code orq-sdk-opentelemetry}: creates a conversation, streams
 * one reply and deletes the conversation, and prints each span as it ends, with no network: an
 * OpenTelemetry SDK whose exporter writes to the console.
 */
public final class OpenTelemetryExample {
  private OpenTelemetryExample() {}

  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      run(env.client(), env.projectId(), env.model(), System.out);
    }
  }

  static void run(OrqClient client, String projectId, String model, PrintStream out) {
    try (OpenTelemetrySdk openTelemetry =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(new ConsoleExporter(out)))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build()) {
      // [readme:opentelemetry]
      OrqClient traced =
          client.newBuilder().addListener(OrqTelemetry.create(openTelemetry)).build();
      // [/readme:opentelemetry]
      try {
        String id =
            traced
                .conversations()
                .create(CreateConversationRequest.builder().projectId(projectId).build())
                .execute()
                .getId();
        ResponseAccumulator.assemble(
            traced
                .conversations()
                .createConversationResponse(
                    id,
                    CreateResponseRequest.builder()
                        .model(model)
                        .message(Messages.userText("What is a span?"))
                        .build()));
        traced.conversations().delete(id).execute();
      } finally {
        traced.close();
      }
    }
  }

  /** Prints each span: its name, kind and attributes, in the order of their names. */
  private static final class ConsoleExporter implements SpanExporter {
    private final PrintStream out;

    ConsoleExporter(PrintStream out) {
      this.out = out;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      for (SpanData span : spans) {
        Map<String, Object> attributes = new TreeMap<>();
        span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), value));
        out.println(span.getName() + " (" + span.getKind() + ") " + attributes);
      }
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
