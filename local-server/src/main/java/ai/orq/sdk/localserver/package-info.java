/**
 * A local, in-memory stand-in for the orq.ai Conversations API v2: start a {@link
 * ai.orq.sdk.localserver.LocalOrqServer} and point any HTTP client or SDK at its base URL.
 */
package ai.orq.sdk.localserver;
