package ai.orq.sdk.reliability;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.TextPart;
import ai.orq.sdk.model.UserMessage;
import ai.orq.sdk.model.UserRole;
import java.util.concurrent.CompletableFuture;

/** The local server's streamed reply ("You said: ..."), read back as the joined text deltas. */
final class Replies {
  private Replies() {}

  static CreateResponseRequest saying(String text) {
    return CreateResponseRequest.builder()
        .message(
            UserMessage.builder()
                .role(UserRole.USER)
                .addMessagePart(TextPart.builder().text(text).build())
                .build())
        .model("openai/gpt-4o")
        .build();
  }

  static String blocking(OrqClient client, String conversationId, String text) {
    StringBuilder reply = new StringBuilder();
    try (StreamResponse<ResponseEvent> events =
        client.conversations().createConversationResponse(conversationId, saying(text))) {
      for (ResponseEvent event : events) {
        append(reply, event);
      }
    }
    return reply.toString();
  }

  static CompletableFuture<String> async(OrqClient client, String conversationId, String text) {
    StringBuilder reply = new StringBuilder();
    return client
        .conversations()
        .createConversationResponseAsync(conversationId, saying(text))
        .subscribe(event -> append(reply, event))
        .onCompleteFuture()
        .thenApply(done -> reply.toString());
  }

  private static void append(StringBuilder reply, ResponseEvent event) {
    if (event.isPartDelta()) {
      reply.append(event.asPartDelta().getData().getDelta().asText().getText());
    }
  }
}
