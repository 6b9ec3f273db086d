package ai.orq.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Every bad value fails the start, naming the property; an API key's value is never shown. */
final class OrqPropertiesValidationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(OrqAutoConfiguration.class, OrqHealthAutoConfiguration.class));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "orq.base-url=ftp://files.example | orq.base-url | baseUrl must be an http or https URL"
            + " without query or fragment, was ftp://files.example",
        "orq.base-url=https://user:pw@gw.example | orq.base-url | baseUrl must not carry"
            + " credentials (user:password@), was https://***@gw.example; the API key goes to"
            + " apiKey(...)",
        "orq.base-url=http://gw.example | orq.base-url | baseUrl http://gw.example/ would send the"
            + " API key in clear text to a host that is not loopback: use https, or call"
            + " allowCleartextHttp(true) (the property: orq.allow-cleartext-http=true)",
        "orq.connect-timeout=-1s | orq.connect-timeout | connectTimeout must not be negative, was"
            + " PT-1S",
        "orq.timeout=100us | orq.timeout | timeout must be zero (none) or at least 1 ms, was"
            + " PT0.0001S",
        "orq.deadline=30d | orq.deadline | deadline must be at most 2147483647 ms (about 24.8"
            + " days), was PT720H",
        "orq.max-retries=-1 | orq.max-retries | maxRetries must be >= 0, was -1",
        "orq.max-response-size=0B | orq.max-response-size | maxResponseBytes must be positive,"
            + " was 0",
        "orq.application-id=caf\u00e9 | orq.application-id | applicationId must be printable"
            + " ASCII, was 'caf\u00e9'",
        "orq.health.failure-threshold=0 | orq.health.failure-threshold | must be at least 1, was"
            + " 0",
        "orq.health.probe-timeout=0s | orq.health.probe-timeout | must be positive, was PT0S",
        "orq.health.probe-timeout=30d | orq.health.probe-timeout | deadline must be at most"
            + " 2147483647 ms (about 24.8 days), was PT720H",
      })
  void aBadValueFailsTheStartNamingTheProperty(String setting, String property, String reason) {
    runner
        .withPropertyValues("orq.api-key=sk-test", setting)
        .run(
            context -> {
              assertThat(context)
                  .getFailure()
                  .rootCause()
                  .isInstanceOfSatisfying(
                      InvalidOrqPropertyException.class,
                      e -> {
                        assertThat(e.property()).isEqualTo(property);
                        assertThat(e.reason()).isEqualTo(reason);
                      });
              FailureAnalysis analysis =
                  new InvalidOrqPropertyFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .contains("property '" + property + "' is invalid")
                  .contains(reason);
              assertThat(analysis.getAction()).startsWith("Set '" + property + "'");
            });
  }

  @Test
  void aBadKeyFailsTheStartWithoutShowingTheKey() {
    String key = "sk-s\u00e9cret-value";
    runner
        .withPropertyValues("orq.api-key=" + key)
        .run(
            context -> {
              Throwable failure = context.getStartupFailure();
              assertThat(failure)
                  .rootCause()
                  .hasMessage(
                      "orq.api-key: apiKey must be printable ASCII without surrounding spaces"
                          + " (check for a trailing newline)");
              FailureAnalysis analysis = new InvalidOrqPropertyFailureAnalyzer().analyze(failure);
              assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(key);
              for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(key);
              }
            });
  }

  @Test
  void aBlankKeyFailsTheStart() {
    runner
        .withPropertyValues("orq.api-key= ")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOfSatisfying(
                        InvalidOrqPropertyException.class,
                        e -> assertThat(e.property()).isEqualTo("orq.api-key")));
  }

  @Test
  void noKeyFailsTheStartNamingThePropertyAndTheVariable() {
    runner.run(
        context ->
            assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessage(
                    "orq.api-key: no API key: set orq.api-key, or the environment variable"
                        + " ORQ_API_KEY"));
  }

  @Test
  void aBlankVariableCountsAsUnsetAsInFromEnv() {
    runner
        .withSystemProperties("ORQ_API_KEY= ", "ORQ_BASE_URL= ")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "orq.api-key: no API key: set orq.api-key, or the environment variable"
                            + " ORQ_API_KEY"));
  }

  @ParameterizedTest
  @CsvSource({
    "orq.log-level=verbose, orq.log-level",
    "orq.connect-timeout=soon, orq.connect-timeout",
    "orq.max-retries=many, orq.max-retries",
    "orq.retry-non-idempotent=maybe, orq.retry-non-idempotent",
    "orq.max-response-size=big, orq.max-response-size",
  })
  void aValueOfTheWrongTypeFailsBindingNamingTheProperty(String setting, String property) {
    runner
        .withPropertyValues("orq.api-key=sk-test", setting)
        .run(
            context -> {
              Throwable bind = context.getStartupFailure();
              while (bind != null && !(bind instanceof BindException)) {
                bind = bind.getCause();
              }
              assertThat(bind)
                  .isNotNull()
                  .hasMessageStartingWith("Failed to bind properties under '" + property + "'");
            });
  }
}
