package ai.orq.sdk.spring;

import ai.orq.sdk.ListConversationsParams;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.errors.OrqException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of the auto-configured client, {@code orq} in Actuator's health endpoint. Passive by
 * default: DOWN once {@code orq.health.failure-threshold} operations in a row failed on the API's
 * side, else UP, with the counts and the last error's type as details; it sends no request. With
 * {@code orq.health.probe=true} each check also lists one conversation (not retried, within {@code
 * orq.health.probe-timeout}) and is DOWN when that fails.
 */
final class OrqHealthIndicator implements HealthIndicator {
  private final OrqClient client;
  private final RecentOutcomes outcomes;
  private final int failureThreshold;
  private final boolean probe;
  private final RequestOptions probeOptions;

  OrqHealthIndicator(
      OrqClient client,
      RecentOutcomes outcomes,
      int failureThreshold,
      boolean probe,
      Duration probeTimeout) {
    this.client = client;
    this.outcomes = outcomes;
    this.failureThreshold = failureThreshold;
    this.probe = probe;
    this.probeOptions = RequestOptions.builder().deadline(probeTimeout).maxRetries(0).build();
  }

  @Override
  public Health health() {
    @Nullable String probeError = probe ? probe() : null;
    Health.Builder health =
        probeError != null || outcomes.consecutiveFailures() >= failureThreshold
            ? Health.down()
            : Health.up();
    if (probe) {
      health.withDetail("probe", probeError != null ? probeError : "ok");
    }
    return health.withDetails(outcomes.details()).build();
  }

  /** Lists one conversation: null when that worked, else the error's type. */
  private @Nullable String probe() {
    try {
      client
          .conversations()
          .list(ListConversationsParams.builder().limit(1).build())
          .withOptions(probeOptions)
          .execute();
      return null;
    } catch (OrqException e) {
      return RecentOutcomes.describe(e);
    }
  }
}
