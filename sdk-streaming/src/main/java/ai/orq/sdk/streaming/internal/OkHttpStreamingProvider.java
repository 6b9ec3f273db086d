package ai.orq.sdk.streaming.internal;

import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.StreamingProvider;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;

/**
 * Not API. The {@link StreamingProvider} that {@code orq-sdk-core} finds with
 * {@link java.util.ServiceLoader}: server-sent events over the client's own OkHttp client.
 *
 * <p>Timeouts: a stream has no total timeout. The read timeout is an idle timeout, the longest
 * silence between two reads: {@code RequestOptions.timeout()} when set, otherwise the client's
 * timeout ({@code OrqClient.Builder.timeout}, 10 minutes unless configured), so a long, healthy
 * answer is never cut off.
 */
public final class OkHttpStreamingProvider implements StreamingProvider {

  /** For {@link java.util.ServiceLoader}. */
  public OkHttpStreamingProvider() {}

  @Override
  public StreamResponse<ResponseEvent> open(ClientContext context, String conversationId,
      CreateResponseRequest request, RequestOptions options) {
    return BlockingEventStream.open(new StreamingCall(context, conversationId, request, options));
  }

  @Override
  public AsyncStreamResponse<ResponseEvent> openAsync(ClientContext context, String conversationId,
      CreateResponseRequest request, RequestOptions options) {
    return new AsyncEventStream(new StreamingCall(context, conversationId, request, options));
  }
}
