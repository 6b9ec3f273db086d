package ai.orq.sdk.benchmarks;

import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.ListConversationsParams;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamHandler;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.internal.JsonModels;
import ai.orq.sdk.model.ConversationPage;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import com.google.gson.Gson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** Every use of the SDK's API by the benchmarks, in one place: one client, default settings. */
final class Sdk implements AutoCloseable {
  private static final Gson GSON = JsonModels.newGson();

  private final OrqClient client;

  /** A client with its own OkHttp client, as {@code OrqClient.builder()} makes by default. */
  Sdk(String baseUrl, String apiKey) {
    this.client = OrqClient.builder().apiKey(apiKey).baseUrl(baseUrl).build();
  }

  /**
   * A client built on {@code http} (sharing its connection pool and dispatcher, as the SDK's {@code
   * okHttpClient} option does), so SDK and baseline go through the same pooled connection and the
   * same server thread: the comparison then differs only by the SDK's own work.
   */
  Sdk(String baseUrl, String apiKey, OkHttpClient http) {
    this.client = OrqClient.builder().apiKey(apiKey).baseUrl(baseUrl).okHttpClient(http).build();
  }

  /**
   * The SDK's configured Gson (with the union adapters). {@code JsonModels} is not API; the
   * baselines use its Gson only where the generated interfaces need the union adapters.
   */
  static Gson gson() {
    return GSON;
  }

  ConversationWithMessages retrieve(String id) {
    return client.conversations().retrieve(id).execute();
  }

  ConversationPage list(int limit) {
    return client
        .conversations()
        .list(ListConversationsParams.builder().limit(limit).build())
        .execute();
  }

  StreamResponse<ResponseEvent> stream(String conversationId, CreateResponseRequest request) {
    return client.conversations().createConversationResponse(conversationId, request);
  }

  /** Runs {@code streams} async streams at once and returns their timelines. */
  List<ConcurrencyBenchmark.Timeline> asyncStreams(
      String conversationId, CreateResponseRequest request, int streams, long expected)
      throws Exception {
    long start = System.nanoTime();
    List<long[]> marks = new ArrayList<>();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      long[] mark = new long[3]; // first, last, count; written by the handler's thread
      marks.add(mark);
      AsyncStreamResponse<ResponseEvent> response =
          client.conversations().createConversationResponseAsync(conversationId, request);
      response.subscribe(
          new StreamHandler<ResponseEvent>() {
            @Override
            public void onEvent(ResponseEvent event) {
              long now = System.nanoTime();
              if (mark[2]++ == 0) {
                mark[0] = now;
              }
              mark[1] = now;
            }
          });
      done.add(response.onCompleteFuture());
    }
    List<ConcurrencyBenchmark.Timeline> timelines = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      done.get(i).get(5, TimeUnit.MINUTES);
      long[] mark = marks.get(i);
      if (mark[2] != expected) {
        throw new IllegalStateException(
            "async stream delivered " + mark[2] + ", expected " + expected);
      }
      timelines.add(new ConcurrencyBenchmark.Timeline(mark[0] - start, mark[1] - start, mark[2]));
    }
    return timelines;
  }

  @Override
  public void close() {
    client.close();
  }
}
