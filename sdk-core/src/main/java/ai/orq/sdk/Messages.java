package ai.orq.sdk;

import ai.orq.sdk.model.MessagePart;
import ai.orq.sdk.model.TextPart;
import ai.orq.sdk.model.UserMessage;
import ai.orq.sdk.model.UserRole;
import java.util.Arrays;
import java.util.Objects;

/** Shortcuts for the messages sent with {@code createConversationResponse}. */
public final class Messages {
  private Messages() {}

  /** A user message with one text part. */
  public static UserMessage userText(String text) {
    Objects.requireNonNull(text, "text == null");
    return user(TextPart.builder().text(text).build());
  }

  /** A user message with these parts, in order. */
  public static UserMessage user(MessagePart... parts) {
    Objects.requireNonNull(parts, "parts == null");
    for (int i = 0; i < parts.length; i++) {
      Objects.requireNonNull(parts[i], "parts[" + i + "] == null");
    }
    return UserMessage.builder().role(UserRole.USER).parts(Arrays.asList(parts)).build();
  }
}
