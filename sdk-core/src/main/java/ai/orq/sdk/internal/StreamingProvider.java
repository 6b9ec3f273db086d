package ai.orq.sdk.internal;

import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;

/**
 * Not API. The service implemented by {@code orq-sdk-streaming} (found with
 * {@link java.util.ServiceLoader}) that runs {@code createConversationResponse}. The arguments
 * are checked (non-null, valid conversation id) before a provider is called.
 */
public interface StreamingProvider {

  /** Starts the stream; the returned stream must be closed by the caller. */
  StreamResponse<ResponseEvent> open(ClientContext context, String conversationId,
      CreateResponseRequest request, RequestOptions options);

  /** Starts the stream asynchronously; events go to the handler given to {@code subscribe}. */
  AsyncStreamResponse<ResponseEvent> openAsync(ClientContext context, String conversationId,
      CreateResponseRequest request, RequestOptions options);
}
