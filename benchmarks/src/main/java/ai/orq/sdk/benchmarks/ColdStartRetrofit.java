package ai.orq.sdk.benchmarks;

import com.google.gson.Gson;
import java.io.IOException;
import okhttp3.OkHttpClient;

/**
 * The plain-Retrofit side of {@link ColdStartProgram}: the generated interface on a Retrofit of its
 * own with Gson's converter ({@link PlainRetrofit}), the stack the SDK is built on and nothing of
 * the SDK's core: the floor the SDK's first call can reach without leaving its stack.
 */
final class ColdStartRetrofit {
  private ColdStartRetrofit() {}

  static String retrieve(String baseUrl) throws IOException {
    PlainRetrofit retrofit =
        new PlainRetrofit(new OkHttpClient(), baseUrl, BenchmarkMain.API_KEY, new Gson());
    return retrofit.retrieve(ColdStartBenchmark.CONVERSATION_ID).getId();
  }
}
