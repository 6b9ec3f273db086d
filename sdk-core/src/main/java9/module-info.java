/**
 * The orq.ai SDK: the client, its calls and its exceptions. On the class path (and on Java 8) the
 * jar is an ordinary one; on the module path this descriptor keeps {@code ai.orq.sdk.internal} to
 * the streaming module.
 */
module ai.orq.sdk {
  requires transitive ai.orq.sdk.generated;
  requires transitive com.google.gson;
  requires transitive okhttp3;
  requires okhttp3.logging;
  requires okio;
  requires static jakarta.annotation;
  requires static com.google.errorprone.annotations;

  exports ai.orq.sdk;
  exports ai.orq.sdk.errors;
  exports ai.orq.sdk.observe;
  exports ai.orq.sdk.internal to
      ai.orq.sdk.streaming;

  uses ai.orq.sdk.internal.StreamingProvider;
}
