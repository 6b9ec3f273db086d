package ai.orq.sdk.benchmarks;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * The raw side of {@link ColdStartProgram}: what a user writes with OkHttp, OkHttp-SSE and Gson
 * alone, into classes of their own (Gson's reflection, no SDK model): the same request, the first
 * result parsed.
 */
final class ColdStartRaw {
  private ColdStartRaw() {}

  /** The user's own class of a conversation: the fields they read. */
  static final class Conversation {
    @SerializedName("_id")
    String id;

    String displayName;
    List<JsonObject> messages;
  }

  /** The user's own class of an event. */
  static final class Event {
    String type;
  }

  static String retrieve(String baseUrl) throws IOException {
    OkHttpClient http = new OkHttpClient();
    ColdStartProgram.clientBuilt();
    Request request =
        new Request.Builder()
            .url(baseUrl + "v2/conversations/" + ColdStartBenchmark.CONVERSATION_ID)
            .header("Authorization", "Bearer " + BenchmarkMain.API_KEY)
            .build();
    ColdStartProgram.requestBuilt();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return new Gson().fromJson(response.body().string(), Conversation.class).id;
    }
  }

  static String firstEvent(String baseUrl, String requestJson)
      throws InterruptedException, ExecutionException {
    OkHttpClient http = new OkHttpClient();
    Gson gson = new Gson();
    Request request =
        new Request.Builder()
            .url(baseUrl + "v2/conversations/" + ColdStartBenchmark.CONVERSATION_ID + "/responses")
            .header("Authorization", "Bearer " + BenchmarkMain.API_KEY)
            .post(RequestBody.create(requestJson, MediaType.get("application/json")))
            .build();
    CompletableFuture<String> first = new CompletableFuture<>();
    EventSources.createFactory(http)
        .newEventSource(
            request,
            new EventSourceListener() {
              @Override
              public void onEvent(EventSource source, String id, String type, String data) {
                first.complete(gson.fromJson(data, Event.class).type);
                source.cancel();
              }

              @Override
              public void onFailure(EventSource source, Throwable t, Response response) {
                first.completeExceptionally(
                    t != null ? t : new IOException("HTTP " + response.code()));
              }
            });
    return first.get();
  }
}
