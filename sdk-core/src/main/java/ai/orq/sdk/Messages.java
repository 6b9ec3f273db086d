package ai.orq.sdk;

import ai.orq.sdk.model.MessagePart;
import ai.orq.sdk.model.TextPart;
import ai.orq.sdk.model.UserMessage;
import ai.orq.sdk.model.UserRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;

/** Shortcuts for the messages sent with {@code createConversationResponse}. */
public final class Messages {
  private Messages() {}

  /** A user message with one text part; the part's kind is filled in when sent. */
  public static UserMessage userText(String text) {
    Objects.requireNonNull(text, "text == null");
    return user(new TextPart().text(text));
  }

  /** A user message with these parts, in order. Parts left without a kind get theirs when sent. */
  public static UserMessage user(MessagePart... parts) {
    Objects.requireNonNull(parts, "parts == null");
    for (int i = 0; i < parts.length; i++) {
      Objects.requireNonNull(parts[i], "parts[" + i + "] == null");
    }
    return new UserMessage().role(UserRole.USER).parts(new ArrayList<>(Arrays.asList(parts)));
  }
}
