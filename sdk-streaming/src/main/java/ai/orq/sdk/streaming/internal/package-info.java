/**
 * Not API: the SSE parser ({@link ai.orq.sdk.streaming.internal.SseReader}), the glue between it
 * and the response body, and the {@code StreamingProvider} that the core finds with {@link
 * java.util.ServiceLoader}; the core runs the request and the stream's lifecycle. Anything here may
 * change in any release.
 */
package ai.orq.sdk.streaming.internal;
