package ai.orq.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * createConversationResponse checks its arguments, then hands the client's context to the
 * streaming provider found by ServiceLoader (here {@link RecordingStreamingProvider}).
 */
class StreamingEntryPointsTest {
  private final CreateResponseRequest request =
      new CreateResponseRequest().model("openai/gpt-4o").message(Messages.userText("Hello"));
  @AutoClose private final OrqClient client = OrqClient.builder().apiKey(TestServers.API_KEY).build();

  @BeforeEach
  void setUp() {
    RecordingStreamingProvider.CALLS.clear();
  }

  @Test
  void theBlockingStreamComesFromTheProvider() {
    RequestOptions options = RequestOptions.builder().maxRetries(0).build();

    try (StreamResponse<ResponseEvent> events = client.conversations().createConversationResponse("conv_1", request)) {
      assertEquals(0, events.stream().count());
    }
    client.conversations().createConversationResponse("conv_1", request, options).close();

    assertEquals(List.of(
            List.of("open", client.context(), "conv_1", request, RequestOptions.none()),
            List.of("open", client.context(), "conv_1", request, options)),
        RecordingStreamingProvider.CALLS);
  }

  @Test
  void theAsyncStreamComesFromTheProvider() {
    RequestOptions options = RequestOptions.builder().header("X-Trace", "t").build();
    List<String> seen = new ArrayList<>();

    AsyncStreamResponse<ResponseEvent> events = client.conversations()
        .createConversationResponseAsync("conv_1", request)
        .subscribe(new StreamHandler<ResponseEvent>() {
          @Override
          public void onEvent(ResponseEvent event) {
            seen.add("event");
          }

          @Override
          public void onComplete() {
            seen.add("complete");
          }
        });
    client.conversations().createConversationResponseAsync("conv_1", request, options).close();

    assertNull(events.onCompleteFuture().join());
    assertEquals(List.of("complete"), seen);
    assertEquals(List.of(
            List.of("openAsync", client.context(), "conv_1", request, RequestOptions.none()),
            List.of("openAsync", client.context(), "conv_1", request, options)),
        RecordingStreamingProvider.CALLS);
  }

  @Test
  void withoutTheStreamingModuleTheErrorNamesTheArtifact() {
    ClassLoader empty = new URLClassLoader(new URL[0], null);

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> StreamingProviders.orFail(StreamingProviders.load(empty)));

    assertEquals("createConversationResponse needs ai.orq:orq-sdk-streaming on the classpath", e.getMessage());
    assertInstanceOf(RecordingStreamingProvider.class,
        StreamingProviders.load(StreamingEntryPointsTest.class.getClassLoader()));
    assertSame(StreamingProviders.get(), StreamingProviders.get());
    assertTrue(RecordingStreamingProvider.CALLS.isEmpty());
  }
}
