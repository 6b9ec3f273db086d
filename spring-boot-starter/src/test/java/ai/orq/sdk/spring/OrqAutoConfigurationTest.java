package ai.orq.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.orq.sdk.LogLevel;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqServiceException;
import ai.orq.sdk.errors.ResponseTooLargeException;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.Operation;
import ai.orq.sdk.localserver.RecordedRequest;
import ai.orq.sdk.localserver.ScriptedError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

final class OrqAutoConfigurationTest {
  private LocalOrqServer server;
  private ApplicationContextRunner runner;

  @BeforeEach
  void start() {
    server = LocalOrqServer.builder().build().start();
    runner =
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrqAutoConfiguration.class))
            .withPropertyValues(
                "orq.base-url=" + server.baseUrl(), "orq.api-key=" + server.apiKey());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void createsOneClientFromTheProperties() {
    runner
        .withPropertyValues("orq.application-id=support-bot/1.0")
        .run(
            context -> {
              assertThat(context).hasSingleBean(OrqClient.class);
              context.getBean(OrqClient.class).conversations().list().execute();
              RecordedRequest list = server.takeRequest(5, TimeUnit.SECONDS);
              assertThat(list.header("Authorization")).isEqualTo("Bearer " + server.apiKey());
              assertThat(list.header("User-Agent")).endsWith(" support-bot/1.0");
              assertThat(context.getBean(OrqClient.class).toString())
                  .isEqualTo("OrqClient{baseUrl=" + server.baseUrl() + ", maxRetries=2}");
            });
  }

  @Test
  void bindsEveryPropertyWithRelaxedNames() {
    runner
        .withPropertyValues(
            "orq.allow-cleartext-http=true",
            "orq.connectTimeout=5s",
            "orq.timeout=2m",
            "orq.deadline=30s",
            "orq.max_retries=1",
            "orq.retry-non-idempotent=true",
            "orq.max-response-size=1MB",
            "orq.log-level=basic")
        .run(
            context -> {
              OrqProperties properties = context.getBean(OrqProperties.class);
              assertThat(properties.getAllowCleartextHttp()).isTrue();
              assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
              assertThat(properties.getTimeout()).isEqualTo(Duration.ofMinutes(2));
              assertThat(properties.getDeadline()).isEqualTo(Duration.ofSeconds(30));
              assertThat(properties.getMaxRetries()).isEqualTo(1);
              assertThat(properties.getRetryNonIdempotent()).isTrue();
              assertThat(properties.getMaxResponseSize()).isEqualTo(DataSize.ofMegabytes(1));
              assertThat(properties.getLogLevel()).isEqualTo(LogLevel.BASIC);
              assertThat(context.getBean(OrqClient.class).toString()).endsWith("maxRetries=1}");
            });
  }

  @Test
  void leavesTheBuilderDefaultsWhereNothingIsSet() {
    runner.run(
        context -> {
          OrqProperties properties = context.getBean(OrqProperties.class);
          assertThat(properties.getConnectTimeout()).isNull();
          assertThat(properties.getTimeout()).isNull();
          assertThat(properties.getDeadline()).isNull();
          assertThat(properties.getMaxRetries()).isNull();
          assertThat(properties.getMaxResponseSize()).isNull();
          assertThat(properties.getLogLevel()).isNull();
          try (OrqClient plain =
              OrqClient.builder().apiKey("k").baseUrl(server.baseUrl()).build()) {
            assertThat(context.getBean(OrqClient.class).toString()).isEqualTo(plain.toString());
          }
        });
  }

  @Test
  void maxRetriesReachesTheClient() {
    server.failNext(Operation.LIST, 1, ScriptedError.status(503));
    runner
        .withPropertyValues("orq.max-retries=0")
        .run(
            context -> {
              OrqClient client = context.getBean(OrqClient.class);
              assertThatThrownBy(() -> client.conversations().list().execute())
                  .isInstanceOfSatisfying(
                      OrqServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
              assertThat(server.requestCount()).isEqualTo(1);
            });
  }

  @Test
  void maxResponseSizeReachesTheClient() {
    runner
        .withPropertyValues("orq.max-response-size=10B")
        .run(
            context ->
                assertThatThrownBy(
                        () -> context.getBean(OrqClient.class).conversations().list().execute())
                    .isInstanceOf(ResponseTooLargeException.class));
  }

  @Test
  void takesTheKeyAndBaseUrlFromTheEnvironmentVariablesWhenThePropertiesAreNotSet() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(OrqAutoConfiguration.class))
        .withSystemProperties("ORQ_API_KEY=" + server.apiKey(), "ORQ_BASE_URL=" + server.baseUrl())
        .run(
            context -> {
              context.getBean(OrqClient.class).conversations().list().execute();
              assertThat(server.takeRequest(5, TimeUnit.SECONDS).header("Authorization"))
                  .isEqualTo("Bearer " + server.apiKey());
            });
  }

  @Test
  void bindsEnvironmentVariablesTheWayBootMapsThem() {
    server.failNext(Operation.LIST, 1, ScriptedError.status(503));
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(OrqAutoConfiguration.class))
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        environmentVariables(
                            "ORQ_API_KEY", server.apiKey(),
                            "ORQ_BASE_URL", server.baseUrl(),
                            "ORQ_MAXRETRIES", "0",
                            "ORQ_TIMEOUT", "2m",
                            "ORQ_HEALTH_FAILURETHRESHOLD", "5")))
        .run(
            context -> {
              OrqProperties properties = context.getBean(OrqProperties.class);
              assertThat(properties.getMaxRetries()).isEqualTo(0);
              assertThat(properties.getTimeout()).isEqualTo(Duration.ofMinutes(2));
              assertThat(properties.getHealth().getFailureThreshold()).isEqualTo(5);
              OrqClient client = context.getBean(OrqClient.class);
              assertThatThrownBy(() -> client.conversations().list().execute())
                  .isInstanceOfSatisfying(
                      OrqServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
              RecordedRequest only = server.takeRequest(5, TimeUnit.SECONDS);
              assertThat(only.header("Authorization")).isEqualTo("Bearer " + server.apiKey());
              assertThat(server.requestCount()).isEqualTo(1);
            });
  }

  /**
   * Variables as the process environment gives them: Boot maps a source of this kind and name
   * ({@code ORQ_MAXRETRIES} to {@code orq.max-retries}) as it maps the real one.
   */
  private static SystemEnvironmentPropertySource environmentVariables(String... namesAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return new SystemEnvironmentPropertySource("test-systemEnvironment", variables);
  }

  @Test
  void thePropertiesWinOverTheEnvironmentVariables() {
    runner
        .withSystemProperties("ORQ_API_KEY=other-key", "ORQ_BASE_URL=https://unused.example")
        .run(
            context -> {
              context.getBean(OrqClient.class).conversations().list().execute();
              assertThat(server.takeRequest(5, TimeUnit.SECONDS).header("Authorization"))
                  .isEqualTo("Bearer " + server.apiKey());
            });
  }

  @Test
  void backsOffToTheApplicationsClient() {
    runner
        .withUserConfiguration(OwnClient.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(OrqClient.class);
              assertThat(context.getBean(OrqClient.class)).isSameAs(OwnClient.CLIENT);
            });
  }

  @Test
  void appliesTheCustomizersInOrder() {
    runner
        .withUserConfiguration(Customizers.class)
        .run(
            context -> {
              assertThat(context.getBean(Customizers.class).applied)
                  .containsExactly("first", "second");
              context.getBean(OrqClient.class).conversations().list().execute();
              assertThat(server.takeRequest(5, TimeUnit.SECONDS).header("User-Agent"))
                  .endsWith(" second/1");
            });
  }

  @Test
  void usesTheApplicationsOkHttpClient() {
    runner
        .withUserConfiguration(OwnOkHttp.class)
        .run(
            context -> {
              OrqClient client = context.getBean(OrqClient.class);
              client.conversations().list().execute();
              assertThat(context.getBean(OwnOkHttp.class).seen).hasValue(1);
              client.close(); // the application's OkHttp client stays usable
              assertThat(context.getBean(OkHttpClient.class).dispatcher().executorService())
                  .matches(executor -> !executor.isShutdown());
            });
  }

  @Test
  void refusesAnOkHttpClientWithACallTimeout() {
    runner
        .withBean(
            OkHttpClient.class,
            () -> new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(1)).build())
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("okHttpClient has a callTimeout of 1000 ms"));
  }

  @Test
  void closesTheClientWithTheContext() {
    List<OrqClient> clients = new ArrayList<>();
    runner.run(context -> clients.add(context.getBean(OrqClient.class)));
    assertThatThrownBy(() -> clients.get(0).conversations().list().execute())
        .isInstanceOf(OrqCanceledException.class)
        .hasMessage("The client is closed");
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    static final OrqClient CLIENT = OrqClient.builder().apiKey("own").build();

    @Bean
    OrqClient ownClient() {
      return CLIENT;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Customizers {
    final List<String> applied = new ArrayList<>();

    @Bean
    @Order(2)
    OrqClientBuilderCustomizer second() {
      return builder -> {
        applied.add("second");
        builder.applicationId("second/1");
      };
    }

    @Bean
    @Order(1)
    OrqClientBuilderCustomizer first() {
      return builder -> {
        applied.add("first");
        builder.applicationId("first/1");
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnOkHttp {
    final AtomicInteger seen = new AtomicInteger();

    @Bean
    OkHttpClient okHttpClient() {
      return new OkHttpClient.Builder()
          .addInterceptor(
              chain -> {
                seen.incrementAndGet();
                return chain.proceed(chain.request());
              })
          .build();
    }
  }
}
