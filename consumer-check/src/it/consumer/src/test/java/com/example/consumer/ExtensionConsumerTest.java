package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.Operation;
import ai.orq.sdk.localserver.RecordedRequest;
import ai.orq.sdk.localserver.ScriptedError;
import ai.orq.sdk.localserver.ScriptedResponse;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.streaming.ResponseAccumulator;
import ai.orq.sdk.testing.OrqLocalServerTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A user's test written with orq-sdk-testing, taken from its published coordinates. */
@OrqLocalServerTest
class ExtensionConsumerTest {
  @Test
  void scriptsTheAnswerAndSeesTheRetry(LocalOrqServer server, OrqClient client)
      throws InterruptedException {
    String id =
        client
            .conversations()
            .create(CreateConversationRequest.builder().projectId("consumer").build())
            .execute()
            .getId();
    server.failNext(
        Operation.CREATE_RESPONSE, 1, ScriptedError.status(429).retryAfter(Duration.ofMillis(10)));
    server.enqueue(ScriptedResponse.text("Scripted ", "reply"));

    String text =
        ResponseAccumulator.assemble(
                client
                    .conversations()
                    .createConversationResponse(
                        id,
                        CreateResponseRequest.builder()
                            .model("openai/gpt-4o-mini")
                            .message(Messages.userText("Hi"))
                            .build()))
            .text();

    assertEquals("Scripted reply", text);
    assertEquals(Operation.CREATE, server.takeRequest(1, TimeUnit.SECONDS).operation());
    RecordedRequest retried = server.takeRequest(1, TimeUnit.SECONDS);
    server.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("0", retried.header("X-Orq-Retry-Count"));
    assertEquals(3, server.requestCount());
  }
}
