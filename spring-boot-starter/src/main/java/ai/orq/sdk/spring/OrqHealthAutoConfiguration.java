package ai.orq.sdk.spring;

import ai.orq.sdk.OrqClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The health indicator {@code orq} of the auto-configured client, when Spring Boot's health support
 * is on the classpath; {@code management.health.orq.enabled=false} turns it off. It is told how the
 * client's operations end by a listener that an {@link OrqClientBuilderCustomizer} adds.
 */
@AutoConfiguration(after = OrqAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("orq")
public final class OrqHealthAutoConfiguration {
  @Bean
  RecentOutcomes orqRecentOutcomes() {
    return new RecentOutcomes(Clock.systemUTC());
  }

  @Bean
  OrqClientBuilderCustomizer orqHealthCustomizer(RecentOutcomes outcomes) {
    return builder -> builder.addListener(outcomes);
  }

  @Bean
  @ConditionalOnBean(OrqClient.class)
  @ConditionalOnMissingBean(name = "orqHealthIndicator")
  HealthIndicator orqHealthIndicator(
      OrqClient client, RecentOutcomes outcomes, OrqProperties properties) {
    OrqProperties.Health health = properties.getHealth();
    if (health.getFailureThreshold() < 1) {
      throw new InvalidOrqPropertyException(
          "orq.health.failure-threshold",
          "must be at least 1, was " + health.getFailureThreshold());
    }
    Duration probeTimeout = health.getProbeTimeout();
    if (probeTimeout.isNegative() || probeTimeout.isZero()) {
      throw new InvalidOrqPropertyException(
          "orq.health.probe-timeout", "must be positive, was " + probeTimeout);
    }
    try {
      return new OrqHealthIndicator(
          client, outcomes, health.getFailureThreshold(), health.isProbe(), probeTimeout);
    } catch (IllegalArgumentException e) { // the probe's deadline: over about 24.8 days
      throw new InvalidOrqPropertyException(
          "orq.health.probe-timeout", String.valueOf(e.getMessage()));
    }
  }
}
