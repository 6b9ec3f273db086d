/** OpenTelemetry traces and metrics of the orq.ai SDK's operations, as a listener of the client. */
module ai.orq.sdk.opentelemetry {
  requires transitive ai.orq.sdk;
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;

  exports ai.orq.sdk.opentelemetry;
}
