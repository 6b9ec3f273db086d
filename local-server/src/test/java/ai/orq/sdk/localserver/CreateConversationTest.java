package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class CreateConversationTest {
  @AutoClose private final LocalOrqServer server = LocalOrqServer.builder().build().start();
  private final Http http = new Http(server);

  @Test
  void createsWithDefaults() {
    long before = System.currentTimeMillis();
    HttpResponse<String> response = http.post("v2/conversations", "{\"projectId\":\"prj_1\"}");
    assertEquals(201, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
    assertTrue(
        response
            .body()
            .contains("\"metadata\":{\"generatingTitle\":false,\"entityId\":null,\"model\":null}"),
        "nulls are written explicitly: " + response.body());

    JsonObject conversation = Http.json(response);
    assertTrue(conversation.get("_id").getAsString().matches("conv_[0-9a-hjkmnp-tv-z]{26}"));
    assertEquals("conversation", conversation.get("kind").getAsString());
    assertEquals("Untitled", conversation.get("displayName").getAsString());
    long createdAt = conversation.get("createdAt").getAsLong();
    assertTrue(createdAt >= before && createdAt <= System.currentTimeMillis());
    assertEquals(createdAt, conversation.get("updatedAt").getAsLong());
    assertTrue(conversation.get("createdAt").getAsJsonPrimitive().isNumber());
    assertEquals("user_local", conversation.get("createdById").getAsString());
    assertEquals("user_local", conversation.get("updatedById").getAsString());
    assertFalse(conversation.has("messages"));
  }

  @Test
  void createsWithNameAndMetadata() {
    JsonObject conversation =
        http.create(
            "{\"projectId\":\"prj_1\",\"displayName\":\"Support\","
                + "\"metadata\":{\"generatingTitle\":true,\"entityId\":\"agent_1\",\"model\":\"openai/gpt-4o\"}}");
    assertEquals("Support", conversation.get("displayName").getAsString());
    JsonObject metadata = conversation.getAsJsonObject("metadata");
    assertTrue(metadata.get("generatingTitle").getAsBoolean());
    assertEquals("agent_1", metadata.get("entityId").getAsString());
    assertEquals("openai/gpt-4o", metadata.get("model").getAsString());
  }

  @Test
  void explicitNullsMeanDefaults() {
    JsonObject conversation =
        http.create(
            "{\"projectId\":\"p\",\"displayName\":null,"
                + "\"metadata\":{\"generatingTitle\":null,\"entityId\":null,\"model\":null}}");
    assertEquals("Untitled", conversation.get("displayName").getAsString());
    assertFalse(conversation.getAsJsonObject("metadata").get("generatingTitle").getAsBoolean());
    assertTrue(conversation.getAsJsonObject("metadata").get("entityId").isJsonNull());
  }

  @Test
  void missingOrBlankProjectIdIs422() {
    assertTrue(Http.error(http.post("v2/conversations", "{}"), 422).contains("projectId"));
    assertTrue(
        Http.error(http.post("v2/conversations", "{\"projectId\":\"  \"}"), 422)
            .contains("projectId"));
    assertTrue(
        Http.error(http.post("v2/conversations", "{\"projectId\":null}"), 422)
            .contains("projectId"));
    assertTrue(
        Http.error(http.post("v2/conversations", "{\"projectId\":7}"), 422).contains("projectId"));
  }

  @Test
  void wrongTypesAre422NamingTheField() {
    assertEquals(
        "displayName must be a string",
        Http.error(http.post("v2/conversations", "{\"projectId\":\"p\",\"displayName\":5}"), 422));
    assertEquals(
        "metadata must be an object",
        Http.error(http.post("v2/conversations", "{\"projectId\":\"p\",\"metadata\":[]}"), 422));
    assertEquals(
        "metadata.generatingTitle must be a boolean",
        Http.error(
            http.post(
                "v2/conversations",
                "{\"projectId\":\"p\",\"metadata\":{\"generatingTitle\":\"yes\"}}"),
            422));
    assertEquals(
        "metadata.entityId must be a string",
        Http.error(
            http.post("v2/conversations", "{\"projectId\":\"p\",\"metadata\":{\"entityId\":{}}}"),
            422));
    assertEquals(
        "metadata.model must be a string",
        Http.error(
            http.post("v2/conversations", "{\"projectId\":\"p\",\"metadata\":{\"model\":true}}"),
            422));
  }

  @Test
  void displayNameLongerThan100Is422() {
    String hundred = "x".repeat(100);
    assertEquals(
        hundred,
        http.create("{\"projectId\":\"p\",\"displayName\":\"" + hundred + "\"}")
            .get("displayName")
            .getAsString());
    String message =
        Http.error(
            http.post(
                "v2/conversations", "{\"projectId\":\"p\",\"displayName\":\"" + hundred + "y\"}"),
            422);
    assertEquals("displayName must be at most 100 characters", message);
  }

  @Test
  void malformedJsonIs400() {
    assertEquals(
        "Request body is not valid JSON",
        Http.error(http.post("v2/conversations", "{\"projectId\":"), 400));
    assertEquals(
        "Request body is not valid JSON",
        Http.error(http.post("v2/conversations", "{projectId:'p'}"), 400));
    assertEquals(
        "Request body is not valid JSON", Http.error(http.post("v2/conversations", "{} {}"), 400));
  }

  @Test
  void bodyThatIsNotAnObjectIs400() {
    assertEquals(
        "Request body must be a JSON object", Http.error(http.post("v2/conversations", "[]"), 400));
    assertEquals(
        "Request body must be a JSON object", Http.error(http.post("v2/conversations", ""), 400));
    assertEquals(
        "Request body must be a JSON object",
        Http.error(http.post("v2/conversations", "null"), 400));
  }

  @Test
  void idsAreDistinctAndIncreasing() {
    String previous = "";
    for (int i = 0; i < 20; i++) {
      String id = http.createStandalone().get("_id").getAsString();
      assertTrue(id.compareTo(previous) > 0, id + " after " + previous);
      previous = id;
    }
  }
}
