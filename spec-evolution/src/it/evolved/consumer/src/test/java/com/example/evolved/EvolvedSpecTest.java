package com.example.evolved;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.AudioPart;
import ai.orq.sdk.model.Conversation;
import ai.orq.sdk.model.ConversationVisibility;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.FileId;
import ai.orq.sdk.model.FilePart;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.MessagePart;
import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.PartDoneEvent;
import ai.orq.sdk.model.ResponseCitationPart;
import ai.orq.sdk.model.ResponseDoneEvent;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseFileId;
import ai.orq.sdk.model.ResponseFilePart;
import ai.orq.sdk.model.ResponseProgressEvent;
import ai.orq.sdk.model.UpdateConversationRequest;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each additive change of the evolved spec reaches user code typed, through the normal client,
 * from a server (WireMock on loopback) that sends the new data. Nothing but the spec changed:
 * the SDK modules were copied as they are and regenerated.
 */
class EvolvedSpecTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @AutoClose
  private final OrqClient client =
      OrqClient.builder().apiKey("sk-evolved").baseUrl("http://127.0.0.1:" + server.getPort()).build();

  private static String conversation(String id, String visibility) {
    return """
        {"_id":"%s","kind":"conversation","displayName":"Evolved","createdAt":1767225600000,
         "updatedAt":1767225600000,"pinned":true,"visibility":"%s"}
        """.formatted(id, visibility);
  }

  private static void answer(String method, String path, String json) {
    server.stubFor((method.equals("GET") ? get(urlEqualTo(path)) : post(urlEqualTo(path)))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json)));
  }

  @Test
  void aNewOptionalPropertyHasATypedGetter() {
    answer("GET", "/v2/conversations/conv_1", conversation("conv_1", "shared").replace("}", ",\"messages\":[]}"));

    ConversationWithMessages conversation = client.conversations().retrieve("conv_1").execute();

    Boolean pinned = conversation.getPinned();
    assertEquals(Boolean.TRUE, pinned);
  }

  @Test
  void aNewEnumSchemaIsAnOpenEnumWithConstants() {
    answer("GET", "/v2/conversations/conv_1", conversation("conv_1", "shared").replace("}", ",\"messages\":[]}"));
    answer("GET", "/v2/conversations/conv_2", conversation("conv_2", "team_only").replace("}", ",\"messages\":[]}"));

    ConversationVisibility shared = client.conversations().retrieve("conv_1").execute().getVisibility();
    ConversationVisibility newer = client.conversations().retrieve("conv_2").execute().getVisibility();

    assertEquals(ConversationVisibility.SHARED, shared);
    assertEquals(ConversationVisibility.Known.SHARED, shared.known());
    assertEquals(EnumSet.of(ConversationVisibility.Known.PRIVATE, ConversationVisibility.Known.SHARED,
        ConversationVisibility.Known.PUBLIC), EnumSet.allOf(ConversationVisibility.Known.class));
    // a value even the evolved spec does not list keeps its raw text
    assertEquals(ConversationVisibility.Value._UNKNOWN, newer.value());
    assertEquals("team_only", newer.asString());
    assertThrows(IllegalStateException.class, newer::known);
  }

  @Test
  void newStreamEventPartKindFileTypeAndEnumValueArriveTyped() {
    String stream = String.join("",
        event("{\"type\":\"response.progress\",\"timestamp\":\"2026-01-01T00:00:00Z\","
            + "\"data\":{\"stage\":\"searching\",\"percent\":40}}"),
        event("{\"type\":\"part.delta\",\"timestamp\":\"2026-01-01T00:00:01Z\",\"data\":{\"partId\":\"p1\","
            + "\"delta\":{\"_id\":\"p1\",\"kind\":\"citation\",\"url\":\"https://example.com\",\"title\":\"Ex\"}}}"),
        event("{\"type\":\"part.done\",\"timestamp\":\"2026-01-01T00:00:02Z\",\"data\":{\"partId\":\"p2\","
            + "\"part\":{\"_id\":\"p2\",\"kind\":\"file\",\"file\":{\"type\":\"file_id\",\"fileId\":\"file_9\"}}}}"),
        event("{\"type\":\"response.done\",\"timestamp\":\"2026-01-01T00:00:03Z\","
            + "\"data\":{\"finishReason\":\"pause_turn\"}}"),
        "data: [DONE]\n\n");
    server.stubFor(post(urlEqualTo("/v2/conversations/conv_1/responses")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(stream)));

    List<ResponseEvent> events;
    try (StreamResponse<ResponseEvent> response = client.conversations().createConversationResponse("conv_1",
        new CreateResponseRequest().model("openai/gpt-4o").message(Messages.userText("Hi")))) {
      events = response.stream().collect(Collectors.toList());
    }

    assertEquals(4, events.size(), events.toString());
    ResponseProgressEvent progress = assertInstanceOf(ResponseProgressEvent.class, events.get(0));
    assertEquals("searching", progress.getData().getStage());
    assertEquals(40, progress.getData().getPercent());

    PartDeltaEvent delta = assertInstanceOf(PartDeltaEvent.class, events.get(1));
    ResponseCitationPart citation = assertInstanceOf(ResponseCitationPart.class, delta.getData().getDelta());
    assertEquals("https://example.com", citation.getUrl());

    PartDoneEvent done = assertInstanceOf(PartDoneEvent.class, events.get(2));
    ResponseFilePart filePart = assertInstanceOf(ResponseFilePart.class, done.getData().getPart());
    assertEquals("file_9", assertInstanceOf(ResponseFileId.class, filePart.getFile()).getFileId());

    FinishReason reason = assertInstanceOf(ResponseDoneEvent.class, events.get(3)).getData().getFinishReason();
    assertEquals(FinishReason.PAUSE_TURN, reason);
    assertEquals(FinishReason.Known.PAUSE_TURN, reason.known());
    assertEquals(FinishReason.Value.PAUSE_TURN, reason.value());
  }

  @Test
  void newMessagePartKindAndFileSourceArriveTyped() {
    answer("GET", "/v2/conversations/conv_1", """
        {"_id":"conv_1","kind":"conversation","displayName":"Evolved","createdAt":1,"updatedAt":2,
         "messages":[{"_id":"msg_1","conversationId":"conv_1","createdAt":3,"createdById":"user_1","role":"user",
           "parts":[{"kind":"audio","transcript":"hello there","durationMs":1200},
                    {"kind":"file","file":{"fileId":"file_1","mimeType":"image/png"}}]}]}
        """);

    List<MessagePart> parts = client.conversations().retrieve("conv_1").execute().getMessages().get(0).getParts();

    AudioPart audio = assertInstanceOf(AudioPart.class, parts.get(0));
    assertEquals("hello there", audio.getTranscript());
    assertEquals(1200L, audio.getDurationMs());
    FileId file = assertInstanceOf(FileId.class, assertInstanceOf(FilePart.class, parts.get(1)).getFile());
    assertEquals("file_1", file.getFileId());
    assertEquals("image/png", file.getMimeType());
  }

  @Test
  void aNewNullablePropertyOfTheUpdateRequestIsSentAsAnExplicitNull() {
    server.stubFor(patch(urlEqualTo("/v2/conversations/conv_1")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(conversation("conv_1", "private"))));

    Conversation updated = client.conversations()
        .update("conv_1", new UpdateConversationRequest().displayName("Renamed").description(null))
        .execute();
    client.conversations().update("conv_1", new UpdateConversationRequest().description("About Lisbon")).execute();

    assertEquals(ConversationVisibility.PRIVATE, updated.getVisibility());
    server.verify(patchRequestedFor(urlEqualTo("/v2/conversations/conv_1"))
        .withRequestBody(equalToJson("{\"displayName\":\"Renamed\",\"description\":null}")));
    server.verify(patchRequestedFor(urlEqualTo("/v2/conversations/conv_1"))
        .withRequestBody(equalToJson("{\"description\":\"About Lisbon\"}")));
    assertTrue(server.findAll(patchRequestedFor(urlEqualTo("/v2/conversations/conv_1"))).stream()
        .allMatch(request -> !request.getBodyAsString().contains("metadata")), "only the fields set are sent");
  }

  private static String event(String json) {
    return "data: " + json + "\n\n";
  }
}
