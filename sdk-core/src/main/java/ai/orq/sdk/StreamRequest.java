package ai.orq.sdk;

import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.StreamingProvider;
import okhttp3.Request;

/** What a stream sends, and who reads its events: the same for every options it may get. */
final class StreamRequest {
  final ClientContext context;
  final StreamingProvider provider;
  final Request request;

  StreamRequest(ClientContext context, StreamingProvider provider, Request request) {
    this.context = context;
    this.provider = provider;
    this.request = request;
  }
}
