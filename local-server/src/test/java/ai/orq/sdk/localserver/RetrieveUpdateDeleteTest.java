package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetrieveUpdateDeleteTest {
  @AutoClose private final LocalOrqServer server = LocalOrqServer.builder().build().start();
  private final Http http = new Http(server);
  private String id;
  private JsonObject created;

  @BeforeEach
  void createConversation() {
    created =
        http.create(
            "{\"projectId\":\"p\",\"displayName\":\"Original\","
                + "\"metadata\":{\"entityId\":\"agent_1\",\"model\":\"openai/gpt-4o\"}}");
    id = created.get("_id").getAsString();
  }

  private JsonObject update(String body) {
    HttpResponse<String> response = http.patch("v2/conversations/" + id, body);
    assertEquals(200, response.statusCode(), response.body());
    return Http.json(response);
  }

  @Test
  void retrieveReturnsTheConversationWithEmptyMessages() {
    JsonObject conversation = Http.json(http.get("v2/conversations/" + id));
    assertEquals(0, conversation.getAsJsonArray("messages").size());
    conversation.remove("messages");
    assertEquals(created, conversation);
  }

  @Test
  void retrieveUnknownIs404() {
    assertEquals(
        "Conversation conv_nope not found",
        Http.error(http.get("v2/conversations/conv_nope"), 404));
  }

  @Test
  void aPlusInAnIdIsAPlus() {
    assertEquals(
        "Conversation conv+1 x not found",
        Http.error(http.get("v2/conversations/conv+1%20x"), 404));
  }

  @Test
  void updateChangesOnlyTheDisplayName() {
    JsonObject updated = update("{\"displayName\":\"Renamed\"}");
    assertEquals("Renamed", updated.get("displayName").getAsString());
    assertEquals(created.get("metadata"), updated.get("metadata"));
    assertEquals(created.get("createdAt"), updated.get("createdAt"));
    assertTrue(
        updated.get("updatedAt").getAsLong() > created.get("updatedAt").getAsLong(),
        "updatedAt bumped");
    assertEquals(updated, withoutMessages(Http.json(http.get("v2/conversations/" + id))));
  }

  @Test
  void updateGeneratingTitleLeavesEntityAndName() {
    JsonObject updated = update("{\"metadata\":{\"generatingTitle\":true}}");
    assertTrue(updated.getAsJsonObject("metadata").get("generatingTitle").getAsBoolean());
    assertEquals("agent_1", updated.getAsJsonObject("metadata").get("entityId").getAsString());
    assertEquals("Original", updated.get("displayName").getAsString());
  }

  @Test
  void updateEntityIdMovesTheConversation() {
    JsonObject updated = update("{\"metadata\":{\"entityId\":\"agent_2\"}}");
    assertEquals("agent_2", updated.getAsJsonObject("metadata").get("entityId").getAsString());
    assertEquals(
        1, Http.json(http.get("v2/conversations/?entityId=agent_2")).getAsJsonArray("data").size());
  }

  @Test
  void explicitNullEntityIdDetaches() {
    JsonObject updated = update("{\"metadata\":{\"entityId\":null}}");
    assertTrue(updated.getAsJsonObject("metadata").get("entityId").isJsonNull());
    assertEquals("openai/gpt-4o", updated.getAsJsonObject("metadata").get("model").getAsString());
    JsonObject standalone = Http.json(http.get("v2/conversations/"));
    assertEquals(
        id, standalone.getAsJsonArray("data").get(0).getAsJsonObject().get("_id").getAsString());
  }

  @Test
  void absentEntityIdIsLeftAlone() {
    JsonObject updated = update("{\"metadata\":{}}");
    assertEquals("agent_1", updated.getAsJsonObject("metadata").get("entityId").getAsString());
    JsonObject empty = update("{}");
    assertEquals("agent_1", empty.getAsJsonObject("metadata").get("entityId").getAsString());
    assertTrue(empty.get("updatedAt").getAsLong() > updated.get("updatedAt").getAsLong());
  }

  @Test
  void updateIgnoresModelAndUnknownFields() {
    JsonObject updated = update("{\"metadata\":{\"model\":\"x/y\"},\"other\":1}");
    assertEquals("openai/gpt-4o", updated.getAsJsonObject("metadata").get("model").getAsString());
  }

  @Test
  void updateUnknownIs404() {
    Http.error(http.patch("v2/conversations/conv_nope", "{\"displayName\":\"x\"}"), 404);
  }

  @Test
  void updateWithMalformedJsonIs400() {
    Http.error(http.patch("v2/conversations/" + id, "{\"displayName\""), 400);
  }

  @Test
  void updateWithWrongTypesIs422() {
    String[][] cases = {
      {"{\"displayName\":null}", "displayName must be a string"},
      {"{\"displayName\":1}", "displayName must be a string"},
      {
        "{\"displayName\":\"" + "x".repeat(101) + "\"}",
        "displayName must be at most 100 characters"
      },
      {"{\"metadata\":\"x\"}", "metadata must be an object"},
      {"{\"metadata\":{\"generatingTitle\":null}}", "metadata.generatingTitle must be a boolean"},
      {
        "{\"metadata\":{\"generatingTitle\":\"true\"}}",
        "metadata.generatingTitle must be a boolean"
      },
      {"{\"metadata\":{\"entityId\":5}}", "metadata.entityId must be a string"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], Http.error(http.patch("v2/conversations/" + id, c[0]), 422), c[0]);
    }
    assertEquals(
        created, withoutMessages(Http.json(http.get("v2/conversations/" + id))), "unchanged");
  }

  @Test
  void deleteIs204ThenEverythingIs404() {
    HttpResponse<String> deleted = http.delete("v2/conversations/" + id);
    assertEquals(204, deleted.statusCode());
    assertEquals("", deleted.body());
    assertFalse(deleted.headers().firstValue("Content-Type").isPresent());

    Http.error(http.delete("v2/conversations/" + id), 404);
    Http.error(http.get("v2/conversations/" + id), 404);
    Http.error(http.patch("v2/conversations/" + id, "{}"), 404);
    assertEquals(
        0, Http.json(http.get("v2/conversations/?entityId=agent_1")).getAsJsonArray("data").size());
  }

  private static JsonObject withoutMessages(JsonObject conversation) {
    conversation.remove("messages");
    return conversation;
  }
}
