package ai.orq.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.orq.sdk.OrqClient;
import java.lang.reflect.Constructor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

final class OrqRuntimeHintsTest {
  @Test
  void registersTheBindingOfThePropertiesAndTheFailureAnalyzer() {
    RuntimeHints hints = new RuntimeHints();
    new OrqRuntimeHints().registerHints(hints, getClass().getClassLoader());
    assertHints(hints);
  }

  /**
   * Spring's AOT processing of a context with the auto-configuration contributes the hints, and the
   * code it generates starts a context with a working client.
   */
  @Test
  @CompileWithForkedClassLoader // the generated code reaches package-private types of Boot's
  void aheadOfTimeProcessingContributesTheHintsAndItsCodeStartsTheClient() {
    GenericApplicationContext context = new GenericApplicationContext();
    withKey(context);
    AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
    context.registerBean(OrqAutoConfiguration.class);
    TestGenerationContext generation = new TestGenerationContext();
    ClassName initializer =
        new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
    generation.writeGeneratedContent();
    assertHints(generation.getRuntimeHints());
    TestCompiler.forSystem()
        .with(generation)
        .compile(
            compiled -> {
              GenericApplicationContext fresh = new GenericApplicationContext();
              withKey(fresh);
              @SuppressWarnings("unchecked")
              ApplicationContextInitializer<GenericApplicationContext> aot =
                  compiled.getInstance(ApplicationContextInitializer.class, initializer.toString());
              aot.initialize(fresh);
              fresh.refresh();
              try {
                assertThat(fresh.getBean(OrqClient.class).toString())
                    .isEqualTo("OrqClient{baseUrl=https://aot.example/, maxRetries=5}");
              } finally {
                fresh.close();
              }
            });
  }

  private static void assertHints(RuntimeHints hints) {
    assertThat(
            RuntimeHintsPredicates.reflection()
                .onConstructorInvocation(constructor(OrqProperties.class)))
        .accepts(hints);
    assertThat(
            RuntimeHintsPredicates.reflection()
                .onMethodInvocation(OrqProperties.class, "setMaxRetries"))
        .accepts(hints);
    assertThat(
            RuntimeHintsPredicates.reflection()
                .onMethodInvocation(OrqProperties.Health.class, "setProbe"))
        .accepts(hints);
    assertThat(
            RuntimeHintsPredicates.reflection()
                .onConstructorInvocation(constructor(InvalidOrqPropertyFailureAnalyzer.class)))
        .accepts(hints);
  }

  private static Constructor<?> constructor(Class<?> type) {
    try {
      return type.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private static void withKey(GenericApplicationContext context) {
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test",
                Map.of(
                    "orq.api-key", "sk-aot",
                    "orq.base-url", "https://aot.example",
                    "orq.max-retries", "5")));
  }
}
