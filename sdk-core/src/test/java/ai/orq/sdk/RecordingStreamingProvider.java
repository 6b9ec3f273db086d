package ai.orq.sdk;

import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.StreamingProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Response;

/**
 * A streaming provider registered for the tests of this module (META-INF/services), standing in for
 * orq-sdk-streaming: it records each started stream and reads no event from it.
 */
public final class RecordingStreamingProvider implements StreamingProvider {
  static final List<List<Object>> OPENED = new CopyOnWriteArrayList<>();

  @Override
  public EventReader open(ClientContext context, Response response, long idleTimeoutMillis) {
    OPENED.add(List.of(context, response.code(), idleTimeoutMillis));
    return delivered -> {
      response.close();
      return null;
    };
  }
}
