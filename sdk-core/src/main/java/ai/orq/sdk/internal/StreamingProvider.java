package ai.orq.sdk.internal;

import ai.orq.sdk.model.ResponseEvent;
import jakarta.annotation.Nullable;
import okhttp3.Response;

/**
 * Not API. The service implemented by {@code orq-sdk-streaming} and found with {@link
 * java.util.ServiceLoader}, once per client: it reads the events of a started stream. The core
 * sends the request (with its retries), and owns the stream's lifecycle; the provider decodes.
 */
public interface StreamingProvider {

  /**
   * The events of {@code response}, the 2xx answer to a stream request of {@code context}'s client.
   *
   * @param idleTimeoutMillis the longest wait for the next bytes, which also bounds the time one
   *     event may take to arrive whole
   * @throws ai.orq.sdk.errors.OrqException if {@code response} is no event stream; it is closed
   */
  EventReader open(ClientContext context, Response response, long idleTimeoutMillis);

  /** Reads events one at a time, on one thread. */
  interface EventReader {
    /**
     * The next event, or null after the {@code [DONE]} that ends the stream.
     *
     * @param delivered how many events were delivered so far, for messages
     * @throws ai.orq.sdk.errors.OrqException if reading fails (the connection breaks, a timeout, an
     *     interrupt) or the stream breaks its contract: it ends before {@code [DONE]}, an event is
     *     malformed or too large, or the server sends an error event
     */
    @Nullable
    ResponseEvent next(int delivered);
  }
}
