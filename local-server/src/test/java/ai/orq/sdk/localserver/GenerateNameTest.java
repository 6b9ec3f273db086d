package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class GenerateNameTest {
  @AutoClose private final LocalOrqServer server = LocalOrqServer.builder().build().start();
  private final Http http = new Http(server);

  private HttpResponse<String> generate(String id, String body) {
    return http.post("v2/conversations/" + id + "/generate-name", body);
  }

  @Test
  void namesAnUntitledConversationFromTheContext() {
    JsonObject created =
        http.create("{\"projectId\":\"p\",\"metadata\":{\"generatingTitle\":true}}");
    String id = created.get("_id").getAsString();
    HttpResponse<String> response =
        generate(
            id, "{\"context\":\"  How do I integrate\\nthe SDK with my Node.js application?\"}");
    assertEquals(200, response.statusCode(), response.body());
    JsonObject named = Http.json(response);
    assertEquals("How do I integrate the SDK", named.get("displayName").getAsString());
    assertFalse(named.getAsJsonObject("metadata").get("generatingTitle").getAsBoolean());
    assertTrue(named.get("updatedAt").getAsLong() > created.get("updatedAt").getAsLong());
    assertEquals(
        "How do I integrate the SDK",
        Http.json(http.get("v2/conversations/" + id)).get("displayName").getAsString());
  }

  @Test
  void namesAConversationWithAnEmptyDisplayName() {
    String id = http.create("{\"projectId\":\"p\",\"displayName\":\"\"}").get("_id").getAsString();
    JsonObject named = Http.json(generate(id, "{\"context\":\"Hello\"}"));
    assertEquals("Hello", named.get("displayName").getAsString());
  }

  @Test
  void nameIsAtMost100Characters() {
    String id = http.createStandalone().get("_id").getAsString();
    String word = "w".repeat(150);
    assertEquals(
        "w".repeat(100),
        Http.json(generate(id, "{\"context\":\"" + word + "\"}")).get("displayName").getAsString());

    String id2 = http.createStandalone().get("_id").getAsString();
    String forty = "a".repeat(40);
    String context = forty + " " + forty + " " + forty;
    assertEquals(
        forty + " " + forty,
        Http.json(generate(id2, "{\"context\":\"" + context + "\"}"))
            .get("displayName")
            .getAsString());
  }

  @Test
  void alreadyNamedIs400() {
    String id =
        http.create("{\"projectId\":\"p\",\"displayName\":\"Mine\"}").get("_id").getAsString();
    String message = Http.error(generate(id, "{\"context\":\"Hello\"}"), 400);
    assertTrue(message.contains("already has a display name"), message);

    String other = http.createStandalone().get("_id").getAsString();
    assertEquals(200, generate(other, "{\"context\":\"First\"}").statusCode());
    Http.error(generate(other, "{\"context\":\"Second\"}"), 400);
  }

  @Test
  void unknownConversationIs404() {
    Http.error(generate("conv_nope", "{\"context\":\"Hello\"}"), 404);
  }

  @Test
  void missingOrEmptyContextIs422() {
    String id = http.createStandalone().get("_id").getAsString();
    for (String body :
        new String[] {"{}", "{\"context\":\"\"}", "{\"context\":\"   \"}", "{\"context\":3}"}) {
      assertTrue(Http.error(generate(id, body), 422).startsWith("context"), body);
    }
    Http.error(generate(id, "not json"), 400);
  }
}
