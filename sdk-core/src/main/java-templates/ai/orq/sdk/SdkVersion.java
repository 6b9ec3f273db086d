package ai.orq.sdk;

/** The version of this SDK, written in by the build: a constant, so nothing is read to know it. */
final class SdkVersion {
  static final String VALUE = "${project.version}";

  private SdkVersion() {}
}
