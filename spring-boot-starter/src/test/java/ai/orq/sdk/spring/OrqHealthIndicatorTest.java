package ai.orq.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.Operation;
import ai.orq.sdk.localserver.ScriptedError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

final class OrqHealthIndicatorTest {
  private LocalOrqServer server;
  private ApplicationContextRunner runner;

  @BeforeEach
  void start() {
    server = LocalOrqServer.builder().build().start();
    runner =
        new ApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(OrqAutoConfiguration.class, OrqHealthAutoConfiguration.class))
            .withPropertyValues(
                "orq.base-url=" + server.baseUrl(),
                "orq.api-key=" + server.apiKey(),
                "orq.max-retries=0");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void isUpAndSendsNothingBeforeAnyOperation() {
    runner.run(
        context -> {
          Health health = indicator(context.getBean("orqHealthIndicator")).health();
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails())
              .containsEntry("operations", 0L)
              .containsEntry("consecutiveFailures", 0)
              .doesNotContainKey("probe");
          assertThat(server.requestCount()).isZero();
        });
  }

  @Test
  void isDownAfterThreeFailuresInARowAndUpAgainAfterASuccess() {
    server.failNext(Operation.LIST, 3, ScriptedError.status(500));
    runner.run(
        context -> {
          OrqClient client = context.getBean(OrqClient.class);
          HealthIndicator indicator = indicator(context.getBean("orqHealthIndicator"));
          for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.conversations().list().execute())
                .isInstanceOf(OrqException.class);
          }
          assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
          assertThatThrownBy(() -> client.conversations().list().execute())
              .isInstanceOf(OrqException.class);
          Health down = indicator.health();
          assertThat(down.getStatus()).isEqualTo(Status.DOWN);
          assertThat(down.getDetails())
              .containsEntry("operations", 3L)
              .containsEntry("consecutiveFailures", 3)
              .containsEntry("lastError", "InternalServerException (HTTP 500)")
              .containsKey("lastFailure")
              .doesNotContainKey("lastSuccess");
          client.conversations().list().execute();
          Health up = indicator.health();
          assertThat(up.getStatus()).isEqualTo(Status.UP);
          assertThat(up.getDetails())
              .containsEntry("consecutiveFailures", 0)
              .containsKey("lastSuccess");
        });
  }

  @Test
  void aRequestTheApiRefusedAsTheCallersIsNoFailure() {
    runner
        .withPropertyValues("orq.health.failure-threshold=1")
        .run(
            context -> {
              OrqClient client = context.getBean(OrqClient.class);
              assertThatThrownBy(() -> client.conversations().retrieve("no-such-id").execute())
                  .isInstanceOf(OrqException.class);
              Health health = indicator(context.getBean("orqHealthIndicator")).health();
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails()).containsEntry("operations", 1L);
            });
  }

  @Test
  void anUnauthorizedKeyCountsAsAFailure() {
    runner
        .withPropertyValues("orq.api-key=wrong-key", "orq.health.failure-threshold=1")
        .run(
            context -> {
              assertThatThrownBy(
                      () -> context.getBean(OrqClient.class).conversations().list().execute())
                  .isInstanceOf(OrqException.class);
              Health health = indicator(context.getBean("orqHealthIndicator")).health();
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails())
                  .containsEntry("lastError", "UnauthorizedException (HTTP 401)");
              assertThat(health.toString()).doesNotContain("wrong-key");
            });
  }

  @Test
  void theProbeListsOneConversationOnEachCheck() {
    runner
        .withPropertyValues("orq.health.probe=true")
        .run(
            context -> {
              HealthIndicator indicator = indicator(context.getBean("orqHealthIndicator"));
              Health health = indicator.health();
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails()).containsEntry("probe", "ok");
              assertThat(server.takeRequest().queryParameter("limit")).isEqualTo("1");
              server.close();
              Health down = indicator.health();
              assertThat(down.getStatus()).isEqualTo(Status.DOWN);
              assertThat(down.getDetails()).containsEntry("probe", "OrqIoException");
            });
  }

  @Test
  void turnsOffWithTheManagementProperty() {
    runner
        .withPropertyValues("management.health.orq.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("orqHealthIndicator"));
  }

  @Test
  void needsSpringBootsHealthSupport() {
    runner
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(
            context -> {
              assertThat(context).hasSingleBean(OrqClient.class);
              assertThat(context).doesNotHaveBean("orqHealthIndicator");
            });
  }

  private static HealthIndicator indicator(Object bean) {
    return (HealthIndicator) bean;
  }
}
