package ai.orq.sdk.examples;

import ai.orq.sdk.Conversations;
import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponsePart;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Application code of the kind you would test with {@code orq-sdk-testing}: a support assistant
 * that streams the answer, lists the tool calls waiting for a person's approval, and turns a failed
 * response into an apology. Rate limits it leaves to the SDK, which retries them. {@code
 * SupportAssistantTest} (under {@code src/test}) tests it against a scripted local server.
 */
public final class SupportAssistant {
  private final Conversations conversations;
  private final String model;

  public SupportAssistant(OrqClient client, String model) {
    this.conversations = client.conversations();
    this.model = model;
  }

  /** Asks the assistant in conversation {@code conversationId} and reads the whole answer. */
  public Answer ask(String conversationId, String question) {
    CreateResponseRequest request =
        CreateResponseRequest.builder().model(model).message(Messages.userText(question)).build();
    StringBuilder text = new StringBuilder();
    List<String> awaitingReview = new ArrayList<>();
    try (StreamResponse<ResponseEvent> events =
        conversations.createConversationResponse(conversationId, request)) {
      for (ResponseEvent event : events) {
        if (event.isPartDelta()) {
          ResponsePart delta = event.asPartDelta().getData().getDelta();
          if (delta.isText()) {
            text.append(delta.asText().getText());
          }
        } else if (event.isToolReviewRequested()) {
          awaitingReview.add(event.asToolReviewRequested().getData().getToolName());
        } else if (event.isResponseFailed()) {
          int code = event.asResponseFailed().getData().getCode();
          return new Answer(
              "Sorry, the assistant is unavailable right now (" + code + "). Please try again.",
              awaitingReview,
              true);
        }
      }
    }
    return new Answer(text.toString(), awaitingReview, false);
  }

  /** What {@link #ask} got back. Immutable. */
  public static final class Answer {
    private final String text;
    private final List<String> awaitingReview;
    private final boolean failed;

    Answer(String text, List<String> awaitingReview, boolean failed) {
      this.text = text;
      this.awaitingReview = Collections.unmodifiableList(new ArrayList<>(awaitingReview));
      this.failed = failed;
    }

    /** The answer's text, or an apology when the response failed. */
    public String text() {
      return text;
    }

    /** The names of the tools whose calls wait for a person's approval, in order. */
    public List<String> awaitingReview() {
      return awaitingReview;
    }

    /** Whether the assistant failed to answer. */
    public boolean failed() {
      return failed;
    }
  }
}
