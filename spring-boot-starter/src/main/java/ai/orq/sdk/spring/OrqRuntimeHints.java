package ai.orq.sdk.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

/**
 * What a native image of an application needs of the starter: {@link OrqProperties} (and its nested
 * groups) bound by reflection, and the failure analyzer that {@code META-INF/spring.factories}
 * names, created by reflection.
 */
final class OrqRuntimeHints implements RuntimeHintsRegistrar {
  @Override
  public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
    BindableRuntimeHintsRegistrar.forTypes(OrqProperties.class).registerHints(hints, classLoader);
    hints
        .reflection()
        .registerType(
            InvalidOrqPropertyFailureAnalyzer.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
  }
}
