/**
 * OpenTelemetry traces and metrics of the orq.ai SDK: register {@link
 * ai.orq.sdk.opentelemetry.OrqTelemetry} as a listener of the client. Depends on {@code
 * io.opentelemetry:opentelemetry-api} only; the application brings the SDK or the agent.
 *
 * <p>Everything is non-null unless documented otherwise.
 */
package ai.orq.sdk.opentelemetry;
