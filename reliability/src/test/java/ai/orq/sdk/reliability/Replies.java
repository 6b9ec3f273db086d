package ai.orq.sdk.reliability;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseTextPart;
import ai.orq.sdk.model.TextPart;
import ai.orq.sdk.model.UserMessage;
import ai.orq.sdk.model.UserRole;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The local server's streamed reply ("You said: ..."), read back as the joined text deltas. */
final class Replies {
  private Replies() {}

  static CreateResponseRequest saying(String text) {
    return new CreateResponseRequest()
        .message(new UserMessage().role(UserRole.USER).parts(List.of(new TextPart().kind("text").text(text))))
        .model("openai/gpt-4o");
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
    return client.conversations().createConversationResponseAsync(conversationId, saying(text))
        .subscribe(event -> append(reply, event))
        .onCompleteFuture()
        .thenApply(done -> reply.toString());
  }

  private static void append(StringBuilder reply, ResponseEvent event) {
    if (event instanceof PartDeltaEvent delta) {
      reply.append(((ResponseTextPart) delta.getData().getDelta()).getText());
    }
  }
}
