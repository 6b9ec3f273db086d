package ai.orq.sdk.spring;

import ai.orq.sdk.OrqClient;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;

/**
 * Creates one {@link OrqClient} bean, unless the application defines one: from the {@code orq.*}
 * properties ({@link OrqProperties}), with the API key from {@code ORQ_API_KEY} (and the base URL
 * from {@code ORQ_BASE_URL}) when the property is not set, on the application's {@link
 * OkHttpClient} bean when it has exactly one, then changed by every {@link
 * OrqClientBuilderCustomizer} bean in order. The client is closed with the context.
 */
@AutoConfiguration
@EnableConfigurationProperties(OrqProperties.class)
@ImportRuntimeHints(OrqRuntimeHints.class)
public final class OrqAutoConfiguration {
  /** The client. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  OrqClient orqClient(
      OrqProperties properties,
      Environment environment,
      ObjectProvider<OkHttpClient> okHttpClient,
      ObjectProvider<OrqClientBuilderCustomizer> customizers) {
    OrqClient.Builder builder = ClientSettings.apply(properties, environment);
    OkHttpClient http = okHttpClient.getIfUnique();
    if (http != null) {
      builder.okHttpClient(http);
    }
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return ClientSettings.build(builder, http);
  }
}
