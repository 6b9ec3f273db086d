package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ScriptedErrorTest {
  @AutoClose private final LocalOrqServer server = LocalOrqServer.builder().build().start();
  private final Http http = new Http(server);

  @Test
  void theNextRequestsOfOneOperationGetTheError() {
    server.failNext(
        Operation.CREATE,
        2,
        ScriptedError.status(429).retryAfter(Duration.ofMillis(1500)).message("Slow down"));

    for (int i = 0; i < 2; i++) {
      HttpResponse<String> response = http.post("v2/conversations", "{\"projectId\":\"p\"}");
      assertEquals("Slow down", Http.error(response, 429));
      assertEquals(
          "2",
          response.headers().firstValue("Retry-After").orElse(null),
          "whole seconds, rounded up");
      assertEquals("1500", response.headers().firstValue("retry-after-ms").orElse(null));
      assertEquals(true, response.headers().firstValue("x-request-id").isPresent());
    }
    assertEquals(200, http.get("v2/conversations/").statusCode(), "other operations run");
    http.createStandalone();
  }

  @Test
  void errorsRunBeforeTheBodyIsReadButAfterTheKeyIsChecked() {
    server.failNext(
        Operation.CREATE_RESPONSE, 1, ScriptedError.status(503).header("X-Custom", "a"));
    String id = http.createStandalone().get("_id").getAsString();

    Http.error(
        Http.send(
            http.request("POST", "v2/conversations/" + id + "/responses", "{}", "Bearer wrong")),
        401);
    HttpResponse<String> response =
        http.post("v2/conversations/" + id + "/responses", "not even JSON");
    assertEquals("Scripted HTTP 503 from the local orq server", Http.error(response, 503));
    assertEquals("a", response.headers().firstValue("X-Custom").orElse(null));
    assertNull(response.headers().firstValue("Retry-After").orElse(null));
    assertEquals(200, http.stream(id, Http.userMessage("a", "openai/gpt-4o")).isEmpty() ? 0 : 200);
  }

  @Test
  void wholeSecondsSendOnlyRetryAfter() {
    server.failNext(
        Operation.RETRIEVE, 1, ScriptedError.status(500).retryAfter(Duration.ofSeconds(1)));
    HttpResponse<String> response = http.get("v2/conversations/conv_x");
    Http.error(response, 500);
    assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
    assertNull(response.headers().firstValue("retry-after-ms").orElse(null));
    Http.error(http.get("v2/conversations/conv_x"), 404);
  }

  @Test
  void everyOperationCanFail() {
    for (Operation operation : Operation.values()) {
      server.failNext(operation, 1, ScriptedError.status(502));
    }
    assertEquals(
        List.of(502, 502, 502, 502, 502, 502, 502),
        List.of(
            http.get("v2/conversations/").statusCode(),
            http.post("v2/conversations", "{}").statusCode(),
            http.post("v2/conversations/c/generate-name", "{}").statusCode(),
            http.get("v2/conversations/c").statusCode(),
            http.patch("v2/conversations/c", "{}").statusCode(),
            http.delete("v2/conversations/c").statusCode(),
            http.post("v2/conversations/c/responses", "{}").statusCode()));
  }

  @Test
  void badArgumentsFailWithAMessageNamingThem() {
    assertEquals(
        "status must be an error status from 400 to 599, was 302",
        assertThrows(IllegalArgumentException.class, () -> ScriptedError.status(302)).getMessage());
    ScriptedError error = ScriptedError.status(429);
    assertEquals(
        "message is blank",
        assertThrows(IllegalArgumentException.class, () -> error.message(" ")).getMessage());
    assertEquals(
        "value == null",
        assertThrows(NullPointerException.class, () -> error.header("A", null)).getMessage());
    assertEquals(
        "delay == null",
        assertThrows(NullPointerException.class, () -> error.retryAfter(null)).getMessage());
    assertEquals(
        "times must be at least 1, was 0",
        assertThrows(
                IllegalArgumentException.class, () -> server.failNext(Operation.LIST, 0, error))
            .getMessage());
    assertEquals(
        "operation == null",
        assertThrows(NullPointerException.class, () -> server.failNext(null, 1, error))
            .getMessage());
    assertEquals(
        "error == null",
        assertThrows(NullPointerException.class, () -> server.failNext(Operation.LIST, 1, null))
            .getMessage());
    assertEquals(
        "ScriptedError{429, Scripted HTTP 429 from the local orq server}", error.toString());
  }
}
