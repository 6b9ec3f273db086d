package ai.orq.sdk;

import static ai.orq.sdk.TestServers.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ai.orq.sdk.internal.JsonModels;
import ai.orq.sdk.model.Conversation;
import ai.orq.sdk.model.UpdateConversationMetadata;
import ai.orq.sdk.model.UpdateConversationRequest;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.gson.JsonPrimitive;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An update sends exactly the properties set: an explicit null for a nullable one set to null,
 * nothing for the rest. The generated request models remember what was set; no JSON name is spelled
 * by hand.
 */
class ConversationUpdateTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @AutoClose
  private final OrqClient client = TestServers.client(server, new RecordingScheduler()).build();

  @BeforeEach
  void setUp() {
    server.stubFor(
        patch(urlEqualTo("/v2/conversations/conv_1")).willReturn(okJson(Fixtures.CONVERSATION)));
  }

  static Stream<Arguments> updates() {
    Object[][] table = {
      {
        UpdateConversationRequest.builder().displayName("Trip").build(),
        "{\"displayName\":\"Trip\"}"
      },
      {
        UpdateConversationRequest.builder()
            .metadata(UpdateConversationMetadata.builder().entityId(null).build())
            .build(),
        "{\"metadata\":{\"entityId\":null}}"
      },
      {
        UpdateConversationRequest.builder()
            .metadata(
                UpdateConversationMetadata.builder()
                    .generatingTitle(true)
                    .entityId("agent_2")
                    .build())
            .build(),
        "{\"metadata\":{\"generatingTitle\":true,\"entityId\":\"agent_2\"}}"
      },
      {
        UpdateConversationRequest.builder()
            .displayName("Trip")
            .metadata(
                UpdateConversationMetadata.builder().generatingTitle(false).entityId(null).build())
            .build(),
        "{\"displayName\":\"Trip\",\"metadata\":{\"generatingTitle\":false,\"entityId\":null}}"
      },
      {UpdateConversationRequest.builder().displayName(null).build(), "{}"},
      {UpdateConversationRequest.builder().build(), "{}"},
    };
    return Stream.of(Mode.values())
        .flatMap(mode -> Stream.of(table).map(row -> arguments(mode, row[0], row[1])));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("updates")
  void sendsExactlyThePropertiesSet(Mode mode, UpdateConversationRequest update, String body) {
    mode.run(client.conversations().update("conv_1", update));

    assertEquals(body, TestServers.requests(server).get(0).getBodyAsString());
  }

  @Test
  void aNullSetLaterReplacesAValueAndAValueReplacesANull() {
    UpdateConversationMetadata.Builder metadata =
        UpdateConversationMetadata.builder().entityId("agent_1").entityId(null);
    UpdateConversationMetadata detached = metadata.build();
    client
        .conversations()
        .update("conv_1", UpdateConversationRequest.builder().metadata(detached).build())
        .execute();
    UpdateConversationMetadata reattached = detached.toBuilder().entityId("agent_3").build();
    client
        .conversations()
        .update("conv_1", UpdateConversationRequest.builder().metadata(reattached).build())
        .execute();

    assertEquals(
        "{\"metadata\":{\"entityId\":null}}",
        TestServers.requests(server).get(0).getBodyAsString());
    assertEquals(
        "{\"metadata\":{\"entityId\":\"agent_3\"}}",
        TestServers.requests(server).get(1).getBodyAsString());
    assertNull(detached.getEntityId());
    assertEquals("agent_3", reattached.getEntityId());
  }

  @Test
  void anExplicitNullIsPartOfTheValue() {
    UpdateConversationMetadata detach = UpdateConversationMetadata.builder().entityId(null).build();
    UpdateConversationMetadata unset = UpdateConversationMetadata.builder().build();

    assertNotEquals(detach, unset);
    assertEquals(detach, UpdateConversationMetadata.builder().entityId(null).build());
    assertEquals(
        detach.hashCode(), UpdateConversationMetadata.builder().entityId(null).build().hashCode());
    assertEquals(detach, unset.toBuilder().entityId(null).build());
  }

  @Test
  void aConversationReadBackIsSentBackWithItsNullsAndUnknownProperties() {
    server.stubFor(
        patch(urlEqualTo("/v2/conversations/conv_2"))
            .willReturn(
                okJson(
                    "{\"_id\":\"conv_2\",\"kind\":\"conversation\",\"displayName\":\"d\",\"createdAt\":1,\"updatedAt\":2,"
                        + "\"metadata\":{\"entityId\":null,\"model\":\"m\",\"pinned\":true},\"folder\":{\"id\":7}}")));
    Conversation read =
        client
            .conversations()
            .update(
                "conv_2",
                UpdateConversationRequest.builder()
                    .putAdditionalProperty("archived", new JsonPrimitive(false))
                    .build())
            .execute();

    assertEquals("{\"archived\":false}", TestServers.requests(server).get(0).getBodyAsString());
    assertEquals("{\"id\":7}", read.additionalProperties().get("folder").toString());
    assertEquals(new JsonPrimitive(true), read.getMetadata().additionalProperties().get("pinned"));
    assertEquals(
        "{\"_id\":\"conv_2\",\"kind\":\"conversation\",\"displayName\":\"d\",\"createdAt\":1,\"updatedAt\":2,"
            + "\"metadata\":{\"entityId\":null,\"model\":\"m\",\"pinned\":true},\"folder\":{\"id\":7}}",
        JsonModels.newGson().toJson(read));
  }
}
