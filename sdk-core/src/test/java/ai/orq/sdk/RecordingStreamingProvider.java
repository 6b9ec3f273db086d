package ai.orq.sdk;

import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.StreamingProvider;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A streaming provider registered for the tests of this module (META-INF/services), standing in
 * for orq-sdk-streaming: it records what the client hands it and returns empty streams.
 */
public final class RecordingStreamingProvider implements StreamingProvider {
  static final List<List<Object>> CALLS = new CopyOnWriteArrayList<>();

  @Override
  public StreamResponse<ResponseEvent> open(ClientContext context, String conversationId,
      CreateResponseRequest request, RequestOptions options) {
    CALLS.add(List.of("open", context, conversationId, request, options));
    return new StreamResponse<ResponseEvent>() {
      @Override
      public Stream<ResponseEvent> stream() {
        return Stream.empty();
      }

      @Override
      public Iterator<ResponseEvent> iterator() {
        return Collections.emptyIterator();
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public AsyncStreamResponse<ResponseEvent> openAsync(ClientContext context, String conversationId,
      CreateResponseRequest request, RequestOptions options) {
    CALLS.add(List.of("openAsync", context, conversationId, request, options));
    return new AsyncStreamResponse<ResponseEvent>() {
      @Override
      public AsyncStreamResponse<ResponseEvent> subscribe(StreamHandler<ResponseEvent> handler) {
        handler.onComplete();
        return this;
      }

      @Override
      public CompletableFuture<Void> onCompleteFuture() {
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public void close() {}
    };
  }
}
