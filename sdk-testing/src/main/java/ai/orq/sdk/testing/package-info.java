/**
 * Testing code that uses the orq.ai SDK: {@link ai.orq.sdk.testing.OrqLocalServerTest} and {@link
 * ai.orq.sdk.testing.OrqLocalServerExtension} run a scriptable {@link
 * ai.orq.sdk.localserver.LocalOrqServer} around each test and hand it, with a ready {@link
 * ai.orq.sdk.OrqClient}, to the test.
 */
package ai.orq.sdk.testing;
