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
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import ai.orq.sdk.model.FileSource;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.MessagePart;
import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.PartDoneEvent;
import ai.orq.sdk.model.ResponseCitationPart;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseFile;
import ai.orq.sdk.model.ResponseFileId;
import ai.orq.sdk.model.ResponsePart;
import ai.orq.sdk.model.ResponseProgressEvent;
import ai.orq.sdk.model.UpdateConversationRequest;
import com.example.shared.EventNotes;
import com.example.shared.NewerServer;
import com.example.shared.PartNotes;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each additive change of the evolved spec reaches user code typed, through the normal client, from
 * a server (WireMock on loopback) that sends the new data. Nothing but the spec changed: the SDK
 * modules were copied as they are and regenerated. A new union member is a new {@code isX()}/{@code
 * asX()} and a new {@code visitX} of the union's Visitor; a visitor written before it
 * (com.example.shared, compiled unchanged here and against today's SDK) still compiles and receives
 * the new member, typed, in {@code otherwise}.
 */
class EvolvedSpecTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @AutoClose
  private final OrqClient client =
      OrqClient.builder()
          .apiKey("sk-evolved")
          .baseUrl("http://127.0.0.1:" + server.getPort())
          .build();

  private static String conversation(String id, String visibility) {
    return """
    {"_id":"%s","kind":"conversation","displayName":"Evolved","createdAt":1767225600000,
     "updatedAt":1767225600000,"pinned":true,"visibility":"%s"}
    """
        .formatted(id, visibility);
  }

  private static void answer(String method, String path, String json) {
    server.stubFor(
        (method.equals("GET") ? get(urlEqualTo(path)) : post(urlEqualTo(path)))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json)));
  }

  @Test
  void aNewOptionalPropertyHasATypedGetter() {
    answer(
        "GET",
        "/v2/conversations/conv_1",
        conversation("conv_1", "shared").replace("}", ",\"messages\":[]}"));

    ConversationWithMessages conversation = client.conversations().retrieve("conv_1").execute();

    Boolean pinned = conversation.getPinned();
    assertEquals(Boolean.TRUE, pinned);
  }

  @Test
  void aNewEnumSchemaIsAnOpenEnumWithConstants() {
    answer(
        "GET",
        "/v2/conversations/conv_1",
        conversation("conv_1", "shared").replace("}", ",\"messages\":[]}"));
    answer(
        "GET",
        "/v2/conversations/conv_2",
        conversation("conv_2", "team_only").replace("}", ",\"messages\":[]}"));

    ConversationVisibility shared =
        client.conversations().retrieve("conv_1").execute().getVisibility();
    ConversationVisibility newer =
        client.conversations().retrieve("conv_2").execute().getVisibility();

    assertEquals(ConversationVisibility.SHARED, shared);
    assertEquals(ConversationVisibility.Known.SHARED, shared.known());
    assertEquals(
        EnumSet.of(
            ConversationVisibility.Known.PRIVATE,
            ConversationVisibility.Known.SHARED,
            ConversationVisibility.Known.PUBLIC),
        EnumSet.allOf(ConversationVisibility.Known.class));
    // a value even the evolved spec does not list keeps its raw text
    assertEquals(ConversationVisibility.Value._UNKNOWN, newer.value());
    assertEquals("team_only", newer.asString());
    assertThrows(IllegalStateException.class, newer::known);
  }

  @Test
  void newStreamEventPartKindFileTypeAndEnumValueArriveTyped() {
    List<ResponseEvent> events = stream();

    assertEquals(4, events.size(), events.toString());
    assertTrue(events.get(0).isResponseProgress(), events.get(0).toString());
    ResponseProgressEvent progress = events.get(0).asResponseProgress();
    assertEquals(ResponseEvent.Type.RESPONSE_PROGRESS, progress.getType());
    assertEquals(ResponseEvent.Type.Value.RESPONSE_PROGRESS, progress.getType().value());
    assertEquals("searching", progress.getData().getStage());
    assertEquals(40, progress.getData().getPercent());

    ResponsePart delta = events.get(1).asPartDelta().getData().getDelta();
    assertTrue(delta.isCitation(), delta.toString());
    ResponseCitationPart citation = delta.asCitation();
    assertEquals(ResponsePart.Kind.CITATION, citation.getKind());
    assertEquals("https://example.com", citation.getUrl());

    ResponseFile file = events.get(2).asPartDone().getData().getPart().asFile().getFile();
    assertTrue(file.isFileId(), file.toString());
    assertEquals("file_9", file.asFileId().getFileId());

    FinishReason reason = events.get(3).asResponseDone().getData().getFinishReason();
    assertEquals(FinishReason.PAUSE_TURN, reason);
    assertEquals(FinishReason.Known.PAUSE_TURN, reason.known());
    assertEquals(FinishReason.Value.PAUSE_TURN, reason.value());
  }

  @Test
  void aVisitorWrittenBeforeTheNewEventTypeReceivesItTypedInOtherwise() {
    EventNotes notes = new EventNotes();

    List<String> seen =
        stream().stream().map(event -> event.accept(notes)).collect(Collectors.toList());

    // the same lines as on today's SDK (NewerServerOnTodaysSdkTest), but the member is typed now
    assertEquals(
        List.of("other response.progress", "delta p1", "other part.done", "done pause_turn"), seen);
    ResponseEvent progress = notes.others().get(0);
    assertFalse(progress.isUnknown(), progress.toString());
    assertEquals(
        "searching", assertInstanceOf(ResponseProgressEvent.class, progress).getData().getStage());
  }

  @Test
  void aNewMemberHasItsOwnMethodInANewVisitor() {
    List<String> seen =
        stream().stream()
            .map(
                event ->
                    event.accept(
                        new ResponseEvent.Visitor<String>() {
                          @Override
                          public String visitResponseProgress(ResponseProgressEvent event) {
                            return "progress "
                                + event.getData().getStage()
                                + " "
                                + event.getData().getPercent();
                          }

                          @Override
                          public String visitPartDelta(PartDeltaEvent event) {
                            return event
                                .getData()
                                .getDelta()
                                .accept(
                                    new ResponsePart.Visitor<String>() {
                                      @Override
                                      public String visitCitation(ResponseCitationPart part) {
                                        return "citation " + part.getUrl();
                                      }

                                      @Override
                                      public String otherwise(ResponsePart part) {
                                        return "other part " + part.getKind();
                                      }
                                    });
                          }

                          @Override
                          public String visitPartDone(PartDoneEvent event) {
                            return event
                                .getData()
                                .getPart()
                                .asFile()
                                .getFile()
                                .accept(
                                    new ResponseFile.Visitor<String>() {
                                      @Override
                                      public String visitFileId(ResponseFileId file) {
                                        return "file id " + file.getFileId();
                                      }

                                      @Override
                                      public String otherwise(ResponseFile file) {
                                        return "other file " + file.getType();
                                      }
                                    });
                          }

                          @Override
                          public String otherwise(ResponseEvent event) {
                            return "other " + event.getType();
                          }
                        }))
            .collect(Collectors.toList());

    assertEquals(
        List.of(
            "progress searching 40",
            "citation https://example.com",
            "file id file_9",
            "other response.done"),
        seen);
  }

  @Test
  void newMessagePartKindAndFileSourceArriveTyped() {
    answer("GET", "/v2/conversations/conv_1", NewerServer.CONVERSATION_WITH_NEW_PARTS);

    List<MessagePart> parts =
        client.conversations().retrieve("conv_1").execute().getMessages().get(0).getParts();

    assertTrue(parts.get(0).isAudio(), parts.get(0).toString());
    AudioPart audio = parts.get(0).asAudio();
    assertEquals(MessagePart.Kind.AUDIO, audio.getKind());
    assertEquals("hello there", audio.getTranscript());
    assertEquals(1200L, audio.getDurationMs());
    FileSource source = parts.get(1).asFile().getFile();
    assertTrue(source.isFileId(), source.toString());
    FileId file = source.asFileId();
    assertEquals("file_1", file.getFileId());
    assertEquals("image/png", file.getMimeType());

    // a visitor written before: the new kind reaches otherwise, typed
    PartNotes notes = new PartNotes();
    assertEquals(
        List.of("other audio", "file", "text hi"),
        parts.stream().map(part -> part.accept(notes)).collect(Collectors.toList()));
    assertEquals(audio, assertInstanceOf(AudioPart.class, notes.others().get(0)));
    // a visitor written after: each new member has its own method
    assertEquals(
        "audio 1200",
        parts
            .get(0)
            .accept(
                new MessagePart.Visitor<String>() {
                  @Override
                  public String visitAudio(AudioPart part) {
                    return "audio " + part.getDurationMs();
                  }

                  @Override
                  public String otherwise(MessagePart part) {
                    return "other " + part.getKind();
                  }
                }));
    assertEquals(
        "file id file_1",
        source.accept(
            new FileSource.Visitor<String>() {
              @Override
              public String visitFileId(FileId file) {
                return "file id " + file.getFileId();
              }

              @Override
              public String otherwise(FileSource file) {
                return "other file";
              }
            }));
  }

  @Test
  void aNewNullablePropertyOfTheUpdateRequestIsSentAsAnExplicitNull() {
    server.stubFor(
        patch(urlEqualTo("/v2/conversations/conv_1"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(conversation("conv_1", "private"))));

    Conversation updated =
        client
            .conversations()
            .update(
                "conv_1",
                UpdateConversationRequest.builder()
                    .displayName("Renamed")
                    .description(null)
                    .build())
            .execute();
    client
        .conversations()
        .update("conv_1", UpdateConversationRequest.builder().description("About Lisbon").build())
        .execute();

    assertEquals(ConversationVisibility.PRIVATE, updated.getVisibility());
    server.verify(
        patchRequestedFor(urlEqualTo("/v2/conversations/conv_1"))
            .withRequestBody(equalToJson("{\"displayName\":\"Renamed\",\"description\":null}")));
    server.verify(
        patchRequestedFor(urlEqualTo("/v2/conversations/conv_1"))
            .withRequestBody(equalToJson("{\"description\":\"About Lisbon\"}")));
    assertTrue(
        server.findAll(patchRequestedFor(urlEqualTo("/v2/conversations/conv_1"))).stream()
            .allMatch(request -> !request.getBodyAsString().contains("metadata")),
        "only the fields set are sent");
  }

  /** The stream of a newer server, read through the normal client. */
  private List<ResponseEvent> stream() {
    server.stubFor(
        post(urlEqualTo("/v2/conversations/conv_1/responses"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(NewerServer.STREAM)));
    try (StreamResponse<ResponseEvent> response =
        client
            .conversations()
            .createConversationResponse(
                "conv_1",
                CreateResponseRequest.builder()
                    .model("openai/gpt-4o")
                    .message(Messages.userText("Hi"))
                    .build())) {
      return response.stream().collect(Collectors.toList());
    }
  }
}
