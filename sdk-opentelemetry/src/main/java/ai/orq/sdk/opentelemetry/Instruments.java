package ai.orq.sdk.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.TextMapPropagator;

/** The tracer, meter instruments and propagator of one {@link OrqTelemetry}, made once. */
final class Instruments {
  final GenAi names;
  final boolean captureContent;
  final Tracer tracer;
  final TextMapPropagator propagator;
  final DoubleHistogram duration;
  final DoubleHistogram timeToFirstChunk;
  final DoubleHistogram timePerOutputChunk;
  final LongHistogram tokenUsage;

  Instruments(OpenTelemetry openTelemetry, GenAi names, boolean captureContent) {
    this.names = names;
    this.captureContent = captureContent;
    this.tracer =
        openTelemetry
            .tracerBuilder(GenAi.INSTRUMENTATION_NAME)
            .setSchemaUrl(GenAi.SCHEMA_URL)
            .build();
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    Meter meter =
        openTelemetry
            .meterBuilder(GenAi.INSTRUMENTATION_NAME)
            .setSchemaUrl(GenAi.SCHEMA_URL)
            .build();
    this.duration = seconds(meter, names.operationDuration(), "GenAI operation duration.");
    this.timeToFirstChunk =
        seconds(
            meter,
            names.timeToFirstChunk(),
            "Time to receive the first chunk, measured from when the client issues the generation"
                + " request to when the first chunk is received in the response stream.");
    this.timePerOutputChunk =
        seconds(
            meter,
            names.timePerOutputChunk(),
            "Time per output chunk, recorded for each chunk received after the first one.");
    this.tokenUsage =
        meter
            .histogramBuilder(GenAi.TOKEN_USAGE)
            .ofLongs()
            .setUnit("{token}")
            .setDescription("Number of input and output tokens used.")
            .setExplicitBucketBoundariesAdvice(GenAi.TOKEN_BUCKETS)
            .build();
  }

  private static DoubleHistogram seconds(Meter meter, String name, String description) {
    return meter
        .histogramBuilder(name)
        .setUnit("s")
        .setDescription(description)
        .setExplicitBucketBoundariesAdvice(GenAi.DURATION_BUCKETS)
        .build();
  }
}
