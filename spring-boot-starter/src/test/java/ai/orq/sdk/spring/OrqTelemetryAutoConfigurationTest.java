package ai.orq.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.opentelemetry.OrqTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

final class OrqTelemetryAutoConfigurationTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private LocalOrqServer server;
  private ApplicationContextRunner runner;

  @BeforeEach
  void start() {
    server = LocalOrqServer.builder().build().start();
    runner =
        new ApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    OrqAutoConfiguration.class, OrqTelemetryAutoConfiguration.class))
            .withPropertyValues(
                "orq.base-url=" + server.baseUrl(), "orq.api-key=" + server.apiKey());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void tracesTheClientWithTheApplicationsOpenTelemetry() {
    runner
        .withBean(OpenTelemetry.class, this::openTelemetry)
        .run(
            context -> {
              assertThat(context).hasBean("orqTelemetryCustomizer");
              context.getBean(OrqClient.class).conversations().list().execute();
              assertThat(spans.getFinishedSpanItems())
                  .extracting(SpanData::getName)
                  .containsExactly("list");
            });
  }

  @Test
  void turnsOffWithTheProperty() {
    runner
        .withBean(OpenTelemetry.class, this::openTelemetry)
        .withPropertyValues("orq.opentelemetry.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean("orqTelemetryCustomizer");
              context.getBean(OrqClient.class).conversations().list().execute();
              assertThat(spans.getFinishedSpanItems()).isEmpty();
            });
  }

  @Test
  void needsAnOpenTelemetryBean() {
    runner.run(context -> assertThat(context).doesNotHaveBean("orqTelemetryCustomizer"));
  }

  @Test
  void needsTheOpenTelemetryModule() {
    runner
        .withBean(OpenTelemetry.class, this::openTelemetry)
        .withClassLoader(new FilteredClassLoader(OrqTelemetry.class))
        .run(
            context -> {
              assertThat(context).hasSingleBean(OrqClient.class);
              assertThat(context).doesNotHaveBean("orqTelemetryCustomizer");
            });
  }

  private OpenTelemetry openTelemetry() {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .build();
  }
}
