package ai.orq.sdk.shrinkcheck;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.Conversation;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponsePart;

/**
 * The program that ShrunkAppTest shrinks and obfuscates with the SDK's consumer rules and then
 * runs: what an Android app does with the SDK. It creates a conversation, retrieves it and streams
 * a reply, so Gson reads and writes the models by reflection, and prints what it got back. Usage:
 * {@code ShrinkApp <base url> <api key>}.
 */
public final class ShrinkApp {
  private ShrinkApp() {}

  public static void main(String[] args) {
    try (OrqClient client = OrqClient.builder().baseUrl(args[0]).apiKey(args[1]).build()) {
      Conversation created =
          client
              .conversations()
              .create(
                  CreateConversationRequest.builder()
                      .projectId("shrunk")
                      .displayName("Shrunk app")
                      .build())
              .execute();
      System.out.println("created: " + created.getDisplayName());

      CreateResponseRequest request =
          CreateResponseRequest.builder()
              .model("openai/gpt-4o-mini")
              .message(Messages.userText("Hello from a shrunk app"))
              .build();
      StringBuilder text = new StringBuilder();
      String finish = null;
      try (StreamResponse<ResponseEvent> events =
          client.conversations().createConversationResponse(created.getId(), request)) {
        for (ResponseEvent event : events) {
          if (event.isPartDelta()) {
            ResponsePart delta = event.asPartDelta().getData().getDelta();
            if (delta.isText()) {
              text.append(delta.asText().getText());
            }
          } else if (event.isResponseDone()) {
            finish = event.asResponseDone().getData().getFinishReason().asString();
          }
        }
      }
      System.out.println("streamed: " + text + " (" + finish + ")");

      ConversationWithMessages fetched = client.conversations().retrieve(created.getId()).execute();
      System.out.println(
          "retrieved: "
              + fetched.getDisplayName()
              + " with "
              + fetched.getMessages().size()
              + " messages");
    }
  }
}
