package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class AuthAndRoutingTest {
  @AutoClose
  private final LocalOrqServer server = LocalOrqServer.builder().apiKey("test-key").build().start();

  private final Http http = new Http(server);

  @Test
  void missingAuthorizationIs401() {
    HttpResponse<String> response = Http.send(http.request("GET", "v2/conversations/", null, null));
    assertTrue(Http.error(response, 401).contains("Authorization"));
  }

  @Test
  void wrongKeyIs401() {
    HttpResponse<String> response =
        Http.send(http.request("GET", "v2/conversations/", null, "Bearer nope"));
    assertEquals("Invalid API key", Http.error(response, 401));
  }

  @Test
  void keyWithoutBearerSchemeIs401() {
    HttpResponse<String> response =
        Http.send(http.request("GET", "v2/conversations/", null, "test-key"));
    assertEquals("Invalid API key", Http.error(response, 401));
  }

  @Test
  void authIsCheckedOnEveryOperation() {
    String id = http.createStandalone().get("_id").getAsString();
    String[][] calls = {
      {"POST", "v2/conversations", "{\"projectId\":\"p\"}"},
      {"GET", "v2/conversations/" + id, null},
      {"PATCH", "v2/conversations/" + id, "{}"},
      {"DELETE", "v2/conversations/" + id, null},
      {"POST", "v2/conversations/" + id + "/generate-name", "{\"context\":\"x\"}"},
      {"POST", "v2/conversations/" + id + "/responses", Http.userMessage("hi", "openai/gpt-4o")},
    };
    for (String[] call : calls) {
      Http.error(Http.send(http.request(call[0], call[1], call[2], "Bearer wrong")), 401);
    }
    assertEquals(
        200, http.get("v2/conversations/" + id).statusCode(), "nothing was changed or deleted");
  }

  @Test
  void everyResponseCarriesADistinctRequestId() {
    HttpResponse<String> ok = http.get("v2/conversations/");
    HttpResponse<String> unauthorized =
        Http.send(http.request("GET", "v2/conversations/", null, null));
    String first = ok.headers().firstValue("x-request-id").orElse("");
    String second = unauthorized.headers().firstValue("x-request-id").orElse("");
    assertTrue(first.matches("req_[0-9a-hjkmnp-tv-z]{26}"), first);
    assertTrue(second.matches("req_[0-9a-hjkmnp-tv-z]{26}"), second);
    assertNotEquals(first, second);
  }

  @Test
  void unknownPathsAre404() {
    String id = http.createStandalone().get("_id").getAsString();
    for (String path :
        new String[] {
          "",
          "v1/conversations/",
          "v2/conversations//responses",
          "v2/conversations/" + id + "/unknown",
          "v2/conversations/" + id + "/responses/extra",
          "v2/other"
        }) {
      assertTrue(Http.error(http.get(path), 404).startsWith("No route for GET /"), path);
    }
  }

  @Test
  void wrongMethodOnAKnownPathIs405WithAllowHeader() {
    String id = http.createStandalone().get("_id").getAsString();
    HttpResponse<String> put = http.send("PUT", "v2/conversations/" + id, "{}");
    assertTrue(Http.error(put, 405).contains("PUT"));
    assertEquals("DELETE, GET, PATCH", put.headers().firstValue("Allow").orElse(null));

    HttpResponse<String> getResponses = http.get("v2/conversations/" + id + "/responses");
    Http.error(getResponses, 405);
    assertEquals("POST", getResponses.headers().firstValue("Allow").orElse(null));

    Http.error(http.get("v2/conversations/" + id + "/generate-name"), 405);
    Http.error(http.post("v2/conversations/", "{\"projectId\":\"p\"}"), 405);
  }

  @Test
  void listWithoutTrailingSlashIs405WithAHint() {
    String message = Http.error(http.get("v2/conversations"), 405);
    assertTrue(message.contains("GET /v2/conversations/"), message);
  }

  @Test
  void percentEncodedIdsAreDecoded() {
    String id = http.createStandalone().get("_id").getAsString();
    String encoded = id.replace("_", "%5F");
    assertEquals(id, Http.json(http.get("v2/conversations/" + encoded)).get("_id").getAsString());
    String raw =
        Http.raw(
            server, "GET /v2/conversations/%zz HTTP/1.1\r\nAuthorization: Bearer test-key\r\n");
    assertTrue(raw.startsWith("HTTP/1.1 400"), raw); // rejected before it reaches the router
  }
}
