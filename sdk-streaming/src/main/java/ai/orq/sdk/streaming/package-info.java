/**
 * Streaming of {@code createConversationResponse}: with {@code ai.orq:orq-sdk-streaming} on the
 * classpath, {@code client.conversations().createConversationResponse(...)} streams its events as
 * they are produced, and {@link ai.orq.sdk.streaming.ResponseAccumulator} assembles the final
 * answer. The stream's exceptions live in {@code ai.orq.sdk.errors} with every other one.
 *
 * <p>Everything is non-null unless marked {@code @Nullable}.
 */
package ai.orq.sdk.streaming;
