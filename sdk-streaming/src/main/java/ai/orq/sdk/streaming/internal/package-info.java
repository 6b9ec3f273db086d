/**
 * Not API: the SSE parser ({@link ai.orq.sdk.streaming.internal.SseReader}), the glue between it
 * and OkHttp, the blocking and async streams, and the {@code StreamingProvider} that the core
 * finds with {@link java.util.ServiceLoader}. Anything here may change in any release.
 */
package ai.orq.sdk.streaming.internal;
