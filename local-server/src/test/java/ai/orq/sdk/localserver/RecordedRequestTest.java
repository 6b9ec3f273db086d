package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RecordedRequestTest {
  @AutoClose
  private final LocalOrqServer server = LocalOrqServer.builder().apiKey("k").build().start();

  private final Http http = new Http(server);

  @Test
  void everyRequestIsRecordedInOrderWithItsParts() throws InterruptedException {
    String id = http.createStandalone().get("_id").getAsString();
    http.get("v2/conversations/?limit=5&entityId=a%20b");
    Http.error(Http.send(http.request("GET", "v2/conversations/" + id, null, "Bearer nope")), 401);
    Http.error(http.get("v2/nowhere"), 404);
    assertEquals(4, server.requestCount());

    RecordedRequest create = server.takeRequest();
    assertEquals(0, create.sequenceNumber());
    assertEquals("POST", create.method());
    assertEquals("/v2/conversations", create.path());
    assertEquals(Operation.CREATE, create.operation());
    assertEquals("Bearer k", create.header("authorization"), "any case");
    assertEquals(List.of("application/json"), create.headers().get("CONTENT-TYPE"));
    assertEquals("{\"projectId\":\"prj_1\"}", create.body());
    assertEquals("prj_1", create.jsonBody().get("projectId").getAsString());
    assertEquals("POST /v2/conversations", create.toString());

    RecordedRequest list = server.takeRequest(1, TimeUnit.SECONDS);
    assertEquals(Operation.LIST, list.operation());
    assertEquals("5", list.queryParameter("limit"));
    assertEquals("a b", list.queryParameter("entityId"));
    assertNull(list.queryParameter("startingAfter"));
    assertEquals("", list.body());
    assertEquals(
        "The body of GET /v2/conversations/ is not a JSON object: ",
        assertThrows(IllegalStateException.class, list::jsonBody).getMessage());
    assertNull(list.header("X-Missing"));

    RecordedRequest unauthorized = server.takeRequest(1, TimeUnit.SECONDS);
    assertEquals(Operation.RETRIEVE, unauthorized.operation());
    assertEquals("Bearer nope", unauthorized.header("Authorization"));
    RecordedRequest unknown = server.takeRequest(1, TimeUnit.SECONDS);
    assertNull(unknown.operation());
    assertEquals(3, unknown.sequenceNumber());
    assertNull(server.takeRequest(10, TimeUnit.MILLISECONDS), "nothing more");
  }

  @Test
  void aBodyThatIsNotJsonSaysSo() throws InterruptedException {
    http.post("v2/conversations", "{nope");
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertTrue(
        assertThrows(IllegalStateException.class, request::jsonBody)
            .getMessage()
            .startsWith("The body of POST /v2/conversations is not JSON: {nope"));
    assertEquals(
        "unit == null",
        assertThrows(NullPointerException.class, () -> server.takeRequest(1, null)).getMessage());
  }

  @Test
  void recordingCanBeTurnedOff() {
    try (LocalOrqServer quiet = LocalOrqServer.builder().recordRequests(false).build().start()) {
      new Http(quiet).createStandalone();
      assertEquals(1, quiet.requestCount());
      assertEquals(
          "This server does not record requests; see Builder.recordRequests.",
          assertThrows(IllegalStateException.class, quiet::takeRequest).getMessage());
    }
  }

  @Test
  void storedConversationsAreSnapshotsWithTheirMessages() {
    assertEquals(List.of(), server.storedConversations());
    String first = http.createStandalone().get("_id").getAsString();
    String second = http.createStandalone().get("_id").getAsString();
    http.stream(second, Http.userMessage("hello", "openai/gpt-4o"));

    List<JsonObject> stored = server.storedConversations();
    assertEquals(2, stored.size());
    assertEquals(first, stored.get(0).get("_id").getAsString());
    assertEquals(0, stored.get(0).getAsJsonArray("messages").size());
    assertEquals(2, stored.get(1).getAsJsonArray("messages").size());
    stored.get(1).getAsJsonArray("messages").remove(0);
    assertEquals(
        2, server.storedConversations().get(1).getAsJsonArray("messages").size(), "a copy");
  }
}
