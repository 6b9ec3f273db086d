package ai.orq.sdk.spring.test;

import ai.orq.sdk.localserver.LocalOrqServer;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link LocalOrqServer} for one application context, before it is refreshed: the server
 * becomes the bean {@value #BEAN}, closed with the context (also when its refresh fails), and its
 * address and key the {@code orq.base-url} and {@code orq.api-key} properties.
 */
final class LocalServerContextCustomizer implements ContextCustomizer {
  static final String BEAN = "orqLocalServer";

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    ConfigurableListableBeanFactory beans = context.getBeanFactory();
    if (!(beans instanceof DefaultSingletonBeanRegistry registry)) {
      throw new IllegalStateException(
          "@AutoConfigureOrqLocalServer cannot close a server with the context: its bean factory, "
              + beans.getClass().getName()
              + ", takes no disposable bean");
    }
    LocalOrqServer server = LocalOrqServer.builder().build().start();
    beans.registerSingleton(BEAN, server);
    registry.registerDisposableBean(BEAN, server::close);
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                BEAN, Map.of("orq.base-url", server.baseUrl(), "orq.api-key", server.apiKey())));
  }

  /** All are equal: contexts that differ in nothing else share one cached context and server. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }
}
