/**
 * Hooks to observe what a client does, for tracing, metrics and logs: register an {@link
 * ai.orq.sdk.observe.OrqListener} with {@code OrqClient.Builder.addListener}. No dependency of its
 * own.
 */
package ai.orq.sdk.observe;
