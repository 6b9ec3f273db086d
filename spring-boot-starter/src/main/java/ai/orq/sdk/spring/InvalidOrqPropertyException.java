package ai.orq.sdk.spring;

/** An {@code orq.*} property with a value the client does not take; the message names it. */
final class InvalidOrqPropertyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String property;

  InvalidOrqPropertyException(String property, String reason) {
    super(property + ": " + reason);
    this.property = property;
  }

  /** The property's name, such as {@code orq.max-retries}. */
  String property() {
    return property;
  }

  /** The reason, without the property's name. */
  String reason() {
    return getMessage().substring(property.length() + 2);
  }
}
