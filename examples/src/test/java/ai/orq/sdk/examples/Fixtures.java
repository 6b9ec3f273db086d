package ai.orq.sdk.examples;

import ai.orq.sdk.Conversations;
import ai.orq.sdk.model.CreateConversationRequest;

/** Shared set-up of the example tests. */
final class Fixtures {
  private Fixtures() {}

  static String newConversation(Conversations conversations) {
    return conversations
        .create(CreateConversationRequest.builder().projectId("test-project").build())
        .execute()
        .getId();
  }
}
