package ai.orq.sdk.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a start that failed on an {@code orq.*} property into the property's name and the fix. */
final class InvalidOrqPropertyFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidOrqPropertyException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidOrqPropertyException cause) {
    return new FailureAnalysis(
        String.format(
            "The orq.ai client could not be configured: property '%s' is invalid.%n%nReason: %s",
            cause.property(), cause.reason()),
        String.format(
            "Set '%s' to a valid value (see the property's description), or remove it to take the"
                + " default.",
            cause.property()),
        cause);
  }
}
