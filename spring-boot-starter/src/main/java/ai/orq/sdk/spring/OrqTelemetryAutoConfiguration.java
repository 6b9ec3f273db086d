package ai.orq.sdk.spring;

import ai.orq.sdk.opentelemetry.OrqTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Traces the auto-configured client with orq-sdk-opentelemetry ({@link OrqTelemetry}) when that
 * module is on the classpath and the application has an {@link OpenTelemetry} bean (Spring Boot's
 * OpenTelemetry starter gives one); {@code orq.opentelemetry.enabled=false} turns it off.
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration")
@ConditionalOnClass({OrqTelemetry.class, OpenTelemetry.class})
@ConditionalOnBooleanProperty(name = "orq.opentelemetry.enabled", matchIfMissing = true)
public final class OrqTelemetryAutoConfiguration {
  @Bean
  @ConditionalOnBean(OpenTelemetry.class)
  OrqClientBuilderCustomizer orqTelemetryCustomizer(OpenTelemetry openTelemetry) {
    return builder -> builder.addListener(OrqTelemetry.create(openTelemetry));
  }
}
