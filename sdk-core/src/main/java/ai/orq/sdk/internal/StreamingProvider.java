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

  /** The events of a 2xx answer; an OrqException (having closed it) if it is no event stream. */
  EventReader open(ClientContext context, Response response, long idleTimeoutMillis);

  /** Reads events one at a time, on one thread. */
  interface EventReader {
    /** The next event, or null after {@code [DONE]}; every failure is an OrqException. */
    @Nullable
    ResponseEvent next(int delivered);
  }
}
