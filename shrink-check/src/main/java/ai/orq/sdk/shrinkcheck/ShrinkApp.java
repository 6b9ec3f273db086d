package ai.orq.sdk.shrinkcheck;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.Conversation;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.ResponseDoneEvent;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseTextPart;

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
              .create(new CreateConversationRequest().projectId("shrunk").displayName("Shrunk app"))
              .execute();
      System.out.println("created: " + created.getDisplayName());

      CreateResponseRequest request =
          new CreateResponseRequest()
              .model("openai/gpt-4o-mini")
              .message(Messages.userText("Hello from a shrunk app"));
      StringBuilder text = new StringBuilder();
      String finish = null;
      try (StreamResponse<ResponseEvent> events =
          client.conversations().createConversationResponse(created.getId(), request)) {
        for (ResponseEvent event : events) {
          if (event instanceof PartDeltaEvent
              && ((PartDeltaEvent) event).getData().getDelta() instanceof ResponseTextPart) {
            text.append(
                ((ResponseTextPart) ((PartDeltaEvent) event).getData().getDelta()).getText());
          } else if (event instanceof ResponseDoneEvent) {
            finish = ((ResponseDoneEvent) event).getData().getFinishReason().asString();
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
