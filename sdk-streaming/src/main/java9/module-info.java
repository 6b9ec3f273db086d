/** Incremental server-sent-event streaming for the orq.ai SDK, found by the core as a service. */
module ai.orq.sdk.streaming {
  requires transitive ai.orq.sdk;
  requires okio;
  requires static jakarta.annotation;

  exports ai.orq.sdk.streaming;

  provides ai.orq.sdk.internal.StreamingProvider with
      ai.orq.sdk.streaming.internal.OkHttpStreamingProvider;
}
