package com.example.boot;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.streaming.ResponseAccumulator;
import org.springframework.stereotype.Service;

/** Asks orq.ai through the injected client: no configuration code. */
@Service
public class ReplyService {
  private final OrqClient orq;

  public ReplyService(OrqClient orq) {
    this.orq = orq;
  }

  public String ask(String question) {
    String conversationId =
        orq.conversations()
            .create(CreateConversationRequest.builder().projectId("consumer").build())
            .execute()
            .getId();
    return ResponseAccumulator.assemble(
            orq.conversations()
                .createConversationResponse(
                    conversationId,
                    CreateResponseRequest.builder()
                        .model("openai/gpt-4o")
                        .message(Messages.userText(question))
                        .build()))
        .text();
  }
}
