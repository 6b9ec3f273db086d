package ai.orq.sdk.spring;

import ai.orq.sdk.OrqClient;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Applies {@link OrqProperties} to an {@link OrqClient.Builder}: each property that is set, through
 * the builder's own checks, so that a bad value fails as an {@link InvalidOrqPropertyException}
 * naming the property. The builder's messages never hold an API key.
 */
final class ClientSettings {
  private ClientSettings() {}

  static OrqClient.Builder apply(OrqProperties properties, Environment environment) {
    OrqClient.Builder builder = OrqClient.builder();
    String apiKey = firstSet(properties.getApiKey(), environment.getProperty("ORQ_API_KEY"));
    if (apiKey == null) {
      throw new InvalidOrqPropertyException(
          "orq.api-key", "no API key: set orq.api-key, or the environment variable ORQ_API_KEY");
    }
    set("orq.api-key", apiKey, builder::apiKey);
    set(
        "orq.base-url",
        firstSet(properties.getBaseUrl(), environment.getProperty("ORQ_BASE_URL")),
        builder::baseUrl);
    set(
        "orq.allow-cleartext-http",
        properties.getAllowCleartextHttp(),
        builder::allowCleartextHttp);
    set("orq.connect-timeout", properties.getConnectTimeout(), builder::connectTimeout);
    set("orq.timeout", properties.getTimeout(), builder::timeout);
    set("orq.deadline", properties.getDeadline(), builder::deadline);
    set("orq.max-retries", properties.getMaxRetries(), builder::maxRetries);
    set(
        "orq.retry-non-idempotent",
        properties.getRetryNonIdempotent(),
        builder::retryNonIdempotent);
    DataSize maxResponseSize = properties.getMaxResponseSize();
    if (maxResponseSize != null) {
      set("orq.max-response-size", maxResponseSize.toBytes(), builder::maxResponseBytes);
    }
    set("orq.log-level", properties.getLogLevel(), builder::logLevel);
    set("orq.application-id", properties.getApplicationId(), builder::applicationId);
    return builder;
  }

  /**
   * Builds the client. Its API key is set, so the builder refuses it only for an OkHttp client with
   * a call timeout (its message says so), or else for an http base URL to a host that is not
   * loopback: that fails naming {@code orq.base-url}.
   */
  static OrqClient build(OrqClient.Builder builder, @Nullable OkHttpClient okHttpClient) {
    try {
      return builder.build();
    } catch (IllegalStateException e) {
      if (okHttpClient != null && okHttpClient.callTimeoutMillis() != 0) {
        throw e;
      }
      throw new InvalidOrqPropertyException(
          "orq.base-url", e.getMessage() + " (the property: orq.allow-cleartext-http=true)");
    }
  }

  private static <T> void set(String property, @Nullable T value, Consumer<T> setter) {
    if (value == null) {
      return;
    }
    try {
      setter.accept(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidOrqPropertyException(property, String.valueOf(e.getMessage()));
    }
  }

  /** The property, else the variable unless blank: as {@code OrqClient.Builder.fromEnv()}. */
  private static @Nullable String firstSet(@Nullable String property, @Nullable String variable) {
    if (property != null) {
      return property;
    }
    return variable == null || variable.isBlank() ? null : variable;
  }
}
