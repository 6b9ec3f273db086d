package ai.orq.sdk.examples.spring;

import ai.orq.sdk.spring.OrqClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the properties do not cover: a customizer changes the client's builder. */
@Configuration(proxyBeanMethods = false)
class OrqCustomization {
  // [readme:spring-customizer]
  @Bean
  OrqClientBuilderCustomizer orqCustomizer() {
    return builder ->
        builder
            .applicationId("support-chat/1.0")
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain.request().newBuilder().header("X-Team", "support").build()));
  }
  // [/readme:spring-customizer]
}
