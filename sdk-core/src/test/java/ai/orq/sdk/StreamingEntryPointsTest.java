package ai.orq.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Both stream forms are lazy, take their options with {@code withOptions} as calls do, send the
 * stream request through the client, and hand the started response to the streaming provider found
 * by ServiceLoader (here {@link RecordingStreamingProvider}).
 */
class StreamingEntryPointsTest {
  private static final String PATH = "/v2/conversations/conv_1/responses";

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final CreateResponseRequest request =
      CreateResponseRequest.builder()
          .model("openai/gpt-4o")
          .message(Messages.userText("Hello"))
          .stream(false)
          .build();

  @AutoClose
  private final OrqClient client =
      OrqClient.builder().apiKey(TestServers.API_KEY).baseUrl(TestServers.baseUrl(server)).build();

  @BeforeEach
  void setUp() {
    RecordingStreamingProvider.OPENED.clear();
    server.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")));
  }

  @Test
  void theBlockingStreamIsSentWhenReadWithItsOptions() {
    RequestOptions options =
        RequestOptions.builder().header("X-Trace", "t").timeout(Duration.ofSeconds(7)).build();
    StreamResponse<ResponseEvent> events =
        client.conversations().createConversationResponse("conv_1", request).withOptions(options);
    assertEquals(0, TestServers.requests(server).size(), "nothing is sent before the first read");

    try (StreamResponse<ResponseEvent> open = events) {
      assertEquals(0, open.stream().count());
    }

    server.verify(
        1,
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Accept", equalTo("text/event-stream"))
            .withHeader("X-Trace", equalTo("t"))
            .withRequestBody(equalToJson("{\"stream\": true}", true, true)));
    assertEquals(
        List.of(List.of(client.context(), 200, 7_000L)), RecordingStreamingProvider.OPENED);
  }

  @Test
  void theAsyncStreamIsSentOnSubscribeWithItsOptions() {
    List<String> seen = new ArrayList<>();
    AsyncStreamResponse<ResponseEvent> events =
        client
            .conversations()
            .createConversationResponseAsync("conv_1", request)
            .withOptions(RequestOptions.builder().header("X-Trace", "a").build());
    assertEquals(0, TestServers.requests(server).size(), "nothing is sent before subscribe");

    events.subscribe(
        new StreamHandler<ResponseEvent>() {
          @Override
          public void onEvent(ResponseEvent event) {
            seen.add("event");
          }

          @Override
          public void onComplete() {
            seen.add("complete");
          }
        });

    assertNull(events.onCompleteFuture().join());
    assertEquals(List.of("complete"), seen);
    server.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("X-Trace", equalTo("a")));
  }

  @Test
  void eachClientFindsItsOwnProviderAndWithoutOneTheErrorNamesTheArtifact() {
    Conversations withoutStreaming = new Conversations(client.context(), () -> null);

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> withoutStreaming.createConversationResponse("conv_1", request));

    assertEquals(
        "createConversationResponse needs ai.orq:orq-sdk-streaming on the classpath",
        e.getMessage());
    assertInstanceOf(RecordingStreamingProvider.class, Conversations.findStreaming());
    assertNotSame(Conversations.findStreaming(), Conversations.findStreaming());
    assertEquals(0, TestServers.requests(server).size());
  }
}
