package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.model.Conversation;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.streaming.AssembledResponse;
import ai.orq.sdk.streaming.ResponseAccumulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a user's own test does with the SDK as a plain dependency: start the local server, point a
 * client at it, create and retrieve a conversation, stream a reply.
 */
class ConsumerTest {
  private final LocalOrqServer server = LocalOrqServer.builder().build().start();
  private final OrqClient client =
      OrqClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).build();

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void createsRetrievesAndStreamsAReply() {
    Conversation created =
        client
            .conversations()
            .create(
                CreateConversationRequest.builder()
                    .projectId("consumer")
                    .displayName("From a consumer")
                    .build())
            .execute();

    ConversationWithMessages fetched = client.conversations().retrieve(created.getId()).execute();
    assertEquals("From a consumer", fetched.getDisplayName());
    assertTrue(fetched.getMessages().isEmpty());

    // streaming comes from orq-sdk-streaming, found on the classpath through ServiceLoader
    AssembledResponse reply =
        ResponseAccumulator.assemble(
            client
                .conversations()
                .createConversationResponse(
                    created.getId(),
                    CreateResponseRequest.builder()
                        .model("openai/gpt-4o-mini")
                        .message(Messages.userText("Hello from Maven"))
                        .build()));
    assertEquals("You said: Hello from Maven", reply.text());
    assertEquals(FinishReason.STOP, reply.finishReason());

    assertEquals(
        2, client.conversations().retrieve(created.getId()).execute().getMessages().size());
  }

  @Test
  void errorsAreTyped() {
    try {
      client.conversations().retrieve("conv_missing").execute();
      throw new AssertionError("expected a 404");
    } catch (NotFoundException e) {
      assertEquals("Conversation conv_missing not found", e.errorMessage());
    }
  }
}
