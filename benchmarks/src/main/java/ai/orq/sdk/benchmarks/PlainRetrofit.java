package ai.orq.sdk.benchmarks;

import ai.orq.sdk.generated.api.ConversationsApi;
import ai.orq.sdk.model.ConversationPage;
import ai.orq.sdk.model.ConversationWithMessages;
import com.google.gson.Gson;
import java.io.IOException;
import okhttp3.OkHttpClient;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * The third per-call contender: the generated {@link ConversationsApi} used as plain Retrofit, the
 * way a user without the SDK would use it. A {@code Retrofit} on the shared OkHttp client, with an
 * interceptor adding the headers the baseline sets; the SDK's configured Gson as converter (the
 * generated models need its union adapters); a new Retrofit call per request, executed, its body
 * returned. It has none of what the SDK adds per attempt: no retries, no per-call timeouts or
 * headers, no retry-count header, no bounded body read, no typed error with the raw body.
 */
final class PlainRetrofit {
  private final ConversationsApi api;

  PlainRetrofit(OkHttpClient http, String baseUrl, String apiKey, Gson gson) {
    String authorization = "Bearer " + apiKey;
    OkHttpClient withHeaders =
        http.newBuilder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .header("Authorization", authorization)
                            .header("Accept", "application/json")
                            .build()))
            .build();
    this.api =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(withHeaders)
            .addConverterFactory(GsonConverterFactory.create(gson))
            .build()
            .create(ConversationsApi.class);
  }

  ConversationWithMessages retrieve(String id) throws IOException {
    return body(api.retrieve(id).execute());
  }

  ConversationPage list(int limit) throws IOException {
    return body(api.list(limit, null, null, null).execute());
  }

  private static <T> T body(Response<T> response) throws IOException {
    if (!response.isSuccessful()) {
      throw new IOException("HTTP " + response.code());
    }
    return response.body();
  }
}
