package ai.orq.sdk.evolution;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.MessagePart;
import ai.orq.sdk.model.ResponseEvent;
import com.example.shared.EventNotes;
import com.example.shared.NewerServer;
import com.example.shared.PartNotes;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK of today's spec, talking to a server of the evolved spec: the user's visitors, written
 * today (and compiled unchanged against the evolved SDK in src/it), receive each new member in
 * {@code otherwise} as an {@code Unknown} that keeps its JSON. EvolvedSpecTest shows the same
 * visitors receiving the typed members there.
 */
class NewerServerOnTodaysSdkTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @AutoClose
  private final OrqClient client =
      OrqClient.builder()
          .apiKey("sk-today")
          .baseUrl("http://127.0.0.1:" + server.getPort())
          .build();

  @Test
  void aNewEventTypeReachesAVisitorOfTodayAsAnUnknownInOtherwise() {
    server.stubFor(
        post(urlEqualTo("/v2/conversations/conv_1/responses"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(NewerServer.STREAM)));
    EventNotes notes = new EventNotes();

    List<String> seen;
    try (StreamResponse<ResponseEvent> events =
        client
            .conversations()
            .createConversationResponse(
                "conv_1",
                CreateResponseRequest.builder()
                    .model("openai/gpt-4o")
                    .message(Messages.userText("Hi"))
                    .build())) {
      seen = events.stream().map(event -> event.accept(notes)).collect(Collectors.toList());
    }

    assertEquals(
        List.of("other response.progress", "delta p1", "other part.done", "done pause_turn"), seen);
    ResponseEvent progress = notes.others().get(0);
    assertTrue(progress.isUnknown(), progress.toString());
    assertEquals(ResponseEvent.Type.Value._UNKNOWN, progress.getType().value());
    assertEquals(
        "searching", progress.asUnknown().raw().getAsJsonObject("data").get("stage").getAsString());
    assertTrue(notes.others().get(1).isPartDone());
    assertTrue(
        notes.others().get(1).asPartDone().getData().getPart().asFile().getFile().isUnknown());
  }

  @Test
  void aNewPartKindReachesAVisitorOfTodayAsAnUnknownInOtherwise() {
    server.stubFor(
        get(urlEqualTo("/v2/conversations/conv_1"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(NewerServer.CONVERSATION_WITH_NEW_PARTS)));
    PartNotes notes = new PartNotes();

    List<MessagePart> parts =
        client.conversations().retrieve("conv_1").execute().getMessages().get(0).getParts();

    assertEquals(
        List.of("other audio", "file", "text hi"),
        parts.stream().map(part -> part.accept(notes)).collect(Collectors.toList()));
    MessagePart audio = notes.others().get(0);
    assertTrue(audio.isUnknown(), audio.toString());
    assertEquals("hello there", audio.asUnknown().raw().get("transcript").getAsString());
    assertTrue(
        parts.get(1).asFile().getFile().isUnknown(),
        "a file from a source today's spec does not list");
  }
}
