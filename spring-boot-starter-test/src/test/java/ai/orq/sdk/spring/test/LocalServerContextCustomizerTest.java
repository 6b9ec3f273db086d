package ai.orq.sdk.spring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.localserver.LocalOrqServer;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

final class LocalServerContextCustomizerTest {
  @Test
  void startsAServerForTheContextAndClosesItWithTheContext() {
    GenericApplicationContext context = new GenericApplicationContext();
    customizer().customizeContext(context, null);
    context.refresh();
    LocalOrqServer server = context.getBean(LocalOrqServer.class);
    assertThat(context.getEnvironment().getProperty("orq.base-url")).isEqualTo(server.baseUrl());
    assertThat(context.getEnvironment().getProperty("orq.api-key")).isEqualTo(server.apiKey());
    try (OrqClient client =
        OrqClient.builder()
            .apiKey(server.apiKey())
            .baseUrl(server.baseUrl())
            .maxRetries(0)
            .build()) {
      client.conversations().list().execute();
      context.close();
      assertThatThrownBy(() -> client.conversations().list().execute())
          .isInstanceOf(OrqIoException.class);
    }
  }

  @Test
  void closesTheServerWhenTheRefreshFails() {
    GenericApplicationContext context = new GenericApplicationContext();
    customizer().customizeContext(context, null);
    LocalOrqServer server =
        (LocalOrqServer) context.getBeanFactory().getSingleton("orqLocalServer");
    String baseUrl = server.baseUrl();
    context.registerBean(
        "broken",
        Object.class,
        () -> {
          throw new IllegalStateException("broken bean");
        });
    assertThatThrownBy(context::refresh).hasRootCauseMessage("broken bean");
    assertThatThrownBy(server::baseUrl).hasMessage("Not started."); // closed
    try (OrqClient client =
        OrqClient.builder().apiKey(server.apiKey()).baseUrl(baseUrl).maxRetries(0).build()) {
      assertThatThrownBy(() -> client.conversations().list().execute())
          .isInstanceOf(OrqIoException.class);
    }
  }

  @Test
  void customizersAreEqualSoThatContextsAreCached() {
    assertThat(customizer()).isEqualTo(customizer()).hasSameHashCodeAs(customizer());
    assertThat(customizer()).isNotEqualTo(null).isNotEqualTo(new Object());
  }

  @Test
  void refusesABeanFactoryThatTakesNoDisposableBean() {
    ConfigurableListableBeanFactory beans = proxy(ConfigurableListableBeanFactory.class, null);
    ConfigurableApplicationContext context = proxy(ConfigurableApplicationContext.class, beans);
    assertThatThrownBy(() -> customizer().customizeContext(context, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "@AutoConfigureOrqLocalServer cannot close a server with the context: its bean"
                + " factory, jdk.proxy");
  }

  /**
   * A {@code type} whose {@code getBeanFactory()} returns {@code beans}; nothing else is called.
   */
  private static <T> T proxy(Class<T> type, Object beans) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              if (method.getName().equals("getBeanFactory")) {
                return beans;
              }
              throw new UnsupportedOperationException(method.getName());
            }));
  }

  private static ContextCustomizer customizer() {
    return new LocalServerContextCustomizerFactory()
        .createContextCustomizer(LocalServerContextCustomizerTest.class, List.of());
  }
}
