package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.Operation;
import ai.orq.sdk.localserver.RecordedRequest;
import ai.orq.sdk.localserver.ScriptedError;
import ai.orq.sdk.localserver.ScriptedResponse;
import ai.orq.sdk.localserver.ScriptedToolCall;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.testing.OrqLocalServerTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How to test your own code against a scripted local server: copy this class.
 * {@code @OrqLocalServerTest} starts a fresh server for each test and passes it, with a client
 * pointed at it, to the test method; each test scripts what the assistant does next, runs the code
 * under test ({@link SupportAssistant}) and checks what it made of it, and what the SDK sent.
 */
// [readme:testing-class]
@OrqLocalServerTest
class SupportAssistantTest {
  private static final String MODEL = "openai/gpt-4o-mini";

  @Test
  void listsTheToolCallsThatWaitForReview(LocalOrqServer server, OrqClient client) {
    ScriptedToolCall refund = ScriptedToolCall.of("call_1", "refund_order", "{\"order\":\"A-17\"}");
    server.enqueue(
        ScriptedResponse.builder()
            .text("I can refund A-17 ", "once a colleague approves.")
            .toolReviewRequested(refund)
            .build());

    SupportAssistant.Answer answer =
        new SupportAssistant(client, MODEL).ask(newConversation(client), "Refund A-17");

    assertEquals("I can refund A-17 once a colleague approves.", answer.text());
    assertEquals(List.of("refund_order"), answer.awaitingReview());
  }

  // [/readme:testing-class]

  @Test
  void apologisesWhenTheResponseFails(LocalOrqServer server, OrqClient client) {
    server.enqueue(
        ScriptedResponse.builder().text("Let me check").fail(503, "model overloaded").build());

    SupportAssistant.Answer answer =
        new SupportAssistant(client, MODEL).ask(newConversation(client), "Where is A-17?");

    assertTrue(answer.failed());
    assertEquals(
        "Sorry, the assistant is unavailable right now (503). Please try again.", answer.text());
  }

  // [readme:testing-retries]
  @Test
  void ridesOutARateLimitWithTheSdksRetries(LocalOrqServer server, OrqClient client)
      throws InterruptedException {
    String conversationId = newConversation(client);
    server.failNext(
        Operation.CREATE_RESPONSE, 2, ScriptedError.status(429).retryAfter(Duration.ofMillis(50)));

    SupportAssistant.Answer answer =
        new SupportAssistant(client, MODEL).ask(conversationId, "Hello");

    assertFalse(answer.failed());
    assertEquals("You said: Hello", answer.text()); // no script queued: the server's echo
    assertEquals("/v2/conversations", server.takeRequest(1, TimeUnit.SECONDS).path());
    for (int attempt = 0; attempt < 3; attempt++) { // two 429s, then the answer
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      assertEquals("/v2/conversations/" + conversationId + "/responses", request.path());
      assertEquals(String.valueOf(attempt), request.header("X-Orq-Retry-Count"));
      assertEquals(MODEL, request.jsonBody().get("model").getAsString());
    }
    assertNull(server.takeRequest(10, TimeUnit.MILLISECONDS));
  }

  // [/readme:testing-retries]

  @Test
  void theConversationKeepsBothMessages(LocalOrqServer server, OrqClient client) {
    server.enqueue(ScriptedResponse.text("A-17 ", "shipped ", "yesterday."));
    new SupportAssistant(client, MODEL).ask(newConversation(client), "Where is A-17?");

    assertEquals(2, server.storedConversations().get(0).getAsJsonArray("messages").size());
  }

  private static String newConversation(OrqClient client) {
    return client
        .conversations()
        .create(CreateConversationRequest.builder().projectId("support").build())
        .execute()
        .getId();
  }
}
