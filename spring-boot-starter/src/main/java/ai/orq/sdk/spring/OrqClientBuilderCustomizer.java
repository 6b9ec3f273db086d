package ai.orq.sdk.spring;

import ai.orq.sdk.OrqClient;

/**
 * Changes the builder of the auto-configured {@link OrqClient} after the {@code orq.*} properties
 * are applied and before the client is built: add an interceptor or a listener, or override a
 * setting. Every bean of this type is applied, in {@link
 * org.springframework.core.annotation.Order @Order} (or {@link org.springframework.core.Ordered})
 * order.
 */
@FunctionalInterface
public interface OrqClientBuilderCustomizer {
  /** Customizes {@code builder}; called once, on the thread that creates the client bean. */
  void customize(OrqClient.Builder builder);
}
