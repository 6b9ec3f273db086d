package ai.orq.sdk.streaming.internal;

import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.StreamingProvider;
import okhttp3.Response;

/**
 * Not API. The {@link StreamingProvider} that {@code orq-sdk-core} finds with {@link
 * java.util.ServiceLoader}: reads server-sent events with the SDK's own {@link SseReader}.
 */
public final class OkHttpStreamingProvider implements StreamingProvider {

  /** For {@link java.util.ServiceLoader}. */
  public OkHttpStreamingProvider() {}

  @Override
  public EventReader open(ClientContext context, Response response, long idleTimeoutMillis) {
    return SseEventReader.open(context, response, idleTimeoutMillis);
  }
}
