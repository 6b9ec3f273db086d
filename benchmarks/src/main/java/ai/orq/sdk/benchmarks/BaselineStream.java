package ai.orq.sdk.benchmarks;

import ai.orq.sdk.model.ResponseEvent;
import com.google.gson.Gson;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * The streaming baseline: raw OkHttp-SSE ({@code EventSources.createFactory(client)}, whose
 * listener runs on an OkHttp dispatcher thread) and a Gson parse of every event's data into the
 * generated {@link ResponseEvent} classes. The {@code ResponseEvent} and {@code ResponsePart}
 * unions are interfaces, so the parse uses the SDK's configured Gson (same adapters as the SDK).
 */
final class BaselineStream {
  private static final MediaType JSON = MediaType.get("application/json");

  private final EventSource.Factory factory;
  private final HttpUrl base;
  private final String authorization;
  private final Gson gson;

  BaselineStream(OkHttpClient http, String baseUrl, String apiKey, Gson gson) {
    this.factory = EventSources.createFactory(http);
    this.base = HttpUrl.get(baseUrl);
    this.authorization = "Bearer " + apiKey;
    this.gson = gson;
  }

  /** Starts a stream; {@link Run#await} waits for its end. */
  Run start(String conversationId, String requestJson) {
    HttpUrl url =
        base.newBuilder()
            .addPathSegments("v2/conversations")
            .addPathSegment(conversationId)
            .addPathSegment("responses")
            .build();
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", authorization)
            .post(RequestBody.create(requestJson, JSON))
            .build();
    Run run = new Run();
    run.startNanos = System.nanoTime();
    factory.newEventSource(request, run);
    return run;
  }

  /** One stream's progress; the listener methods run on an OkHttp thread. */
  final class Run extends EventSourceListener {
    private final CountDownLatch finished = new CountDownLatch(1);
    volatile long startNanos;
    volatile long firstEventNanos;
    volatile long lastEventNanos;
    volatile long events;
    volatile boolean done;
    volatile Throwable failure;
    volatile int sink;
    volatile long allocatedBytes;
    private long allocatedAtOpen;

    @Override
    public void onOpen(EventSource source, Response response) {
      allocatedAtOpen = Allocation.currentThread();
    }

    @Override
    @SuppressWarnings("NonAtomicVolatileUpdate") // one writer: the thread that reads the stream
    public void onEvent(EventSource source, String id, String type, String data) {
      if ("[DONE]".equals(data)) {
        done = true;
        return;
      }
      ResponseEvent event = gson.fromJson(data, ResponseEvent.class);
      sink += event.getType().asString().length();
      long now = System.nanoTime();
      if (events == 0) {
        firstEventNanos = now;
      }
      lastEventNanos = now;
      events++;
    }

    @Override
    public void onClosed(EventSource source) {
      allocatedBytes = Allocation.currentThread() - allocatedAtOpen;
      finished.countDown();
    }

    @Override
    public void onFailure(EventSource source, Throwable t, Response response) {
      failure =
          t != null ? t : new IOException("HTTP " + (response == null ? "?" : response.code()));
      finished.countDown();
    }

    /** Waits for the end of the stream; throws if it failed or ended without {@code [DONE]}. */
    Run await(long timeout, TimeUnit unit) throws Exception {
      if (!finished.await(timeout, unit)) {
        throw new IllegalStateException(
            "baseline stream did not finish in " + timeout + " " + unit);
      }
      if (failure != null) {
        throw new IOException("baseline stream failed", failure);
      }
      if (!done) {
        throw new IOException("baseline stream ended without [DONE]");
      }
      return this;
    }
  }
}
