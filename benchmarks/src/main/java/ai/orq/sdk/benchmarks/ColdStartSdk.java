package ai.orq.sdk.benchmarks;

import ai.orq.sdk.OrqCall;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.ResponseEvent;

/** The SDK's side of {@link ColdStartProgram}: a client from scratch and its first use. */
final class ColdStartSdk {
  private ColdStartSdk() {}

  static String retrieve(String baseUrl) {
    OrqClient client = OrqClient.builder().apiKey(BenchmarkMain.API_KEY).baseUrl(baseUrl).build();
    ColdStartProgram.clientBuilt();
    OrqCall<ConversationWithMessages> call =
        client.conversations().retrieve(ColdStartBenchmark.CONVERSATION_ID);
    ColdStartProgram.requestBuilt();
    return call.execute().getId();
  }

  static String firstEvent(String baseUrl) {
    OrqClient client = OrqClient.builder().apiKey(BenchmarkMain.API_KEY).baseUrl(baseUrl).build();
    try (StreamResponse<ResponseEvent> events =
        client
            .conversations()
            .createConversationResponse(
                ColdStartBenchmark.CONVERSATION_ID, StreamingBenchmark.request())) {
      return events.iterator().next().getType().asString();
    }
  }
}
