package ai.orq.sdk.streaming;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.internal.JsonModels;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.TextPart;
import ai.orq.sdk.model.UserMessage;
import ai.orq.sdk.model.UserRole;
import ai.orq.sdk.streaming.internal.SseTestAccess;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.gson.Gson;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okio.Okio;

/** Requests, servers, clients and the recorded stream shared by the tests. */
final class Fixtures {
  static final String API_KEY = "sk-test-STREAM-4242";
  static final String CONVERSATION_ID = "conv_01JTESTSTREAM";
  static final String RESPONSES_PATH = "/v2/conversations/" + CONVERSATION_ID + "/responses";

  private Fixtures() {}

  static CreateResponseRequest request() {
    return CreateResponseRequest.builder()
        .message(
            UserMessage.builder()
                .role(UserRole.USER)
                .addMessagePart(TextPart.builder().text("Hello!").build())
                .build())
        .model("openai/gpt-4o")
        .build();
  }

  /** Every event of a stream of {@code request} to {@link #CONVERSATION_ID}, read to its end. */
  static List<ResponseEvent> readAll(OrqClient client, CreateResponseRequest request) {
    List<ResponseEvent> events = new ArrayList<>();
    try (ai.orq.sdk.StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(CONVERSATION_ID, request)) {
      stream.forEach(events::add);
    }
    return events;
  }

  /** A client of {@code baseUrl} built the way users build theirs. */
  static OrqClient client(String baseUrl) {
    return OrqClient.builder().apiKey(API_KEY).baseUrl(baseUrl).build();
  }

  static OrqClient client(HttpUrl baseUrl) {
    return client(baseUrl.toString());
  }

  /** Closes the client, then the server, and fails when the server's script failed. */
  static void close(@Nullable OrqClient client, @Nullable LoopbackServer server) throws Exception {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
      assertEquals(new ArrayList<>(), server.scriptFailures, "the server script failed");
    }
  }

  /** WireMock on loopback, on a free port: register it as a static extension. */
  static WireMockExtension wireMock() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
        .build();
  }

  /** A client of the running {@code server}. */
  static OrqClient client(WireMockExtension server) {
    return client("http://127.0.0.1:" + server.getPort());
  }

  /** The client's Gson, with the union adapters of the core. */
  static Gson gson() {
    return JsonModels.newGson();
  }

  static byte[] recordedStream() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/streams/all-events.sse")) {
      return Okio.buffer(Okio.source(in)).readByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static String recordedStreamText() {
    return new String(recordedStream(), UTF_8);
  }

  /** The recorded stream's events, parsed from memory and decoded with the client's Gson. */
  static List<ResponseEvent> recordedEvents() {
    return SseTestAccess.decodeAll(recordedStream(), gson());
  }
}
