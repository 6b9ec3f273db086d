/**
 * Streaming of {@code createConversationResponse} for the orq.ai Java SDK. Put {@code
 * ai.orq:orq-sdk-streaming} on the classpath and {@code
 * client.conversations().createConversationResponse(...)} streams its events as they are produced:
 *
 * <pre>{@code
 * try (StreamResponse<ResponseEvent> events =
 *     client.conversations().createConversationResponse(conversationId, request)) {
 *   for (ResponseEvent event : events) {
 *     if (event instanceof PartDeltaEvent) { ... }   // show the text as it arrives
 *   }
 * }
 * }</pre>
 *
 * <p>The type here is what callers may need besides the core's {@code StreamResponse}: the {@link
 * ai.orq.sdk.streaming.ResponseAccumulator} that assembles the final answer. The stream's own
 * exceptions live with every other one in {@code ai.orq.sdk.errors} ({@link
 * ai.orq.sdk.errors.StreamTruncatedException}, {@link ai.orq.sdk.errors.MalformedEventException},
 * {@link ai.orq.sdk.errors.ResponseFailedException}).
 *
 * <p>Threads: a blocking stream reads on the thread that iterates it; an async stream delivers on
 * OkHttp's threads. A stream has no total timeout; the request's timeout ({@code
 * RequestOptions.timeout()}, else the client's) bounds the silence between two reads. Requests are
 * retried only until the stream starts, never after.
 *
 * <p>Everything is non-null unless marked {@code @Nullable}.
 */
package ai.orq.sdk.streaming;
