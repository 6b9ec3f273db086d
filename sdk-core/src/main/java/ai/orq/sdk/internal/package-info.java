/**
 * Not API: the machinery shared by the SDK modules (client context, retries, error mapping, Gson
 * adapters, the streaming SPI). Public only so that {@code orq-sdk-streaming} can use it; anything
 * here may change in any release.
 */
package ai.orq.sdk.internal;
