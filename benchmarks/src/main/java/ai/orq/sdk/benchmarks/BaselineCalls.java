package ai.orq.sdk.benchmarks;

import ai.orq.sdk.model.ConversationPage;
import ai.orq.sdk.model.ConversationWithMessages;
import com.google.gson.Gson;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The hand-written per-call baseline: the same HTTP request the SDK sends, with OkHttp, and the
 * response body read as a string and parsed with Gson into the same generated model classes. (Of
 * the two obvious hand-written ways, reading the body as a string then parsing was measured as fast
 * as or faster than parsing from {@code body().charStream()} for these sizes, so it is the stricter
 * baseline; it is also what the SDK does.) {@code list} uses a plain {@code new Gson()} ({@link
 * ConversationPage} holds only concrete classes); {@code retrieve} must use a Gson that knows the
 * {@code MessagePart} union, so it is given the SDK's configured Gson.
 */
final class BaselineCalls {
  private final OkHttpClient http;
  private final HttpUrl base;
  private final String authorization;
  private final Gson plain;
  private final Gson unions;

  BaselineCalls(OkHttpClient http, String baseUrl, String apiKey, Gson unions) {
    this.http = http;
    this.base = HttpUrl.get(baseUrl);
    this.authorization = "Bearer " + apiKey;
    this.plain = new Gson();
    this.unions = unions;
  }

  ConversationWithMessages retrieve(String id) throws IOException {
    HttpUrl url = base.newBuilder().addPathSegments("v2/conversations").addPathSegment(id).build();
    return get(url, unions, ConversationWithMessages.class);
  }

  ConversationPage list(int limit) throws IOException {
    HttpUrl url =
        base.newBuilder()
            .addPathSegments("v2/conversations/")
            .addQueryParameter("limit", Integer.toString(limit))
            .build();
    return get(url, plain, ConversationPage.class);
  }

  private <T> T get(HttpUrl url, Gson gson, Class<T> type) throws IOException {
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return gson.fromJson(response.body().string(), type);
    }
  }
}
