package ai.orq.sdk.examples;

import ai.orq.sdk.Conversations;
import ai.orq.sdk.ListConversationsParams;
import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.OrqResponse;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.Conversation;
import ai.orq.sdk.model.ConversationPage;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.GenerateNameRequest;
import ai.orq.sdk.model.Message;
import ai.orq.sdk.model.MessagePart;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponsePart;
import ai.orq.sdk.model.UpdateConversationRequest;
import ai.orq.sdk.streaming.AssembledResponse;
import ai.orq.sdk.streaming.ResponseAccumulator;
import java.io.PrintStream;
import java.time.Duration;

/**
 * All seven operations of the Conversations API on one new conversation, in the order an app would
 * use them: create, generateName, update, list, createConversationResponse (streamed), retrieve and
 * delete. Each step prints the operation and what came back.
 *
 * <p>The README's synchronous quick start quotes this method. This is what the README's run command
 * starts. Without {@code ORQ_API_KEY} it talks to a local server that streams its reply one word
 * every 80 ms, so you can watch the tokens arrive.
 */
public final class WalkthroughExample {
  static final String QUESTION = "Which neighbourhoods of Lisbon are best explored on foot?";

  private WalkthroughExample() {}

  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open(Duration.ofMillis(80))) {
      run(env.client(), env.projectId(), env.model(), System.out);
    }
  }

  /** Runs the seven operations; returns the assistant's reply as assembled from the stream. */
  static String run(OrqClient client, String projectId, String model, PrintStream out) {
    Conversations conversations = client.conversations();

    // 1. create: a new conversation in your project (HTTP 201)
    Conversation created =
        conversations
            .create(CreateConversationRequest.builder().projectId(projectId).build())
            .execute();
    String id = created.getId();
    step(out, 1, "create", id + " \"" + created.getDisplayName() + "\"");

    // 2. generateName: name an unnamed conversation from some context
    Conversation named =
        conversations
            .generateName(
                id,
                GenerateNameRequest.builder()
                    .context("Planning a weekend in Lisbon in May")
                    .build())
            .execute();
    step(out, 2, "generateName", "\"" + named.getDisplayName() + "\"");

    // 3. update: only the fields you set change
    Conversation updated =
        conversations
            .update(id, UpdateConversationRequest.builder().displayName("Lisbon weekend").build())
            .execute();
    step(out, 3, "update", "\"" + updated.getDisplayName() + "\"");

    // 4. list: one page, newest first
    ConversationPage page =
        conversations.list(ListConversationsParams.builder().limit(5).build()).execute();
    step(
        out,
        4,
        "list",
        page.getData().size()
            + " on the first page, newest \""
            + page.getData().get(0).getDisplayName()
            + "\", has_more "
            + page.getHasMore());

    // 5. createConversationResponse: send a message, print the reply as it streams in
    step(out, 5, "createConversationResponse", "streaming...");
    out.println("   user:      " + QUESTION);
    out.print("   assistant: ");
    out.flush();
    ResponseAccumulator reply = ResponseAccumulator.create();
    CreateResponseRequest request =
        CreateResponseRequest.builder().model(model).message(Messages.userText(QUESTION)).build();
    try (StreamResponse<ResponseEvent> events =
        conversations.createConversationResponse(id, request)) {
      for (ResponseEvent event : events) {
        reply.accept(event); // keeps the text, finish reason and usage
        if (event.isPartDelta()) {
          ResponsePart delta = event.asPartDelta().getData().getDelta();
          if (delta.isText()) {
            out.print(delta.asText().getText());
            out.flush(); // show each token now, not at the end of the line
          }
        }
      }
    }
    AssembledResponse answer = reply.result();
    out.println();
    out.println(
        "   ("
            + answer.finishReason()
            + ", "
            + answer.eventCount()
            + " events, "
            + (answer.usage() == null ? "no usage" : answer.usage().getTotalTokens() + " tokens")
            + ")");

    // 6. retrieve: the conversation with its messages, oldest first
    ConversationWithMessages fetched = conversations.retrieve(id).execute();
    step(
        out,
        6,
        "retrieve",
        "\"" + fetched.getDisplayName() + "\" with " + fetched.getMessages().size() + " messages");
    for (Message message : fetched.getMessages()) {
      out.println("   " + message.getRole() + ": " + text(message));
    }

    // 7. delete: gone for good (HTTP 204, no body)
    OrqResponse<Void> deleted = conversations.delete(id).executeWithResponse();
    step(out, 7, "delete", "HTTP " + deleted.statusCode());
    return answer.text();
  }

  private static void step(PrintStream out, int number, String operation, String result) {
    out.println(String.format("%d. %-27s -> %s", number, operation, result));
  }

  /** The text parts of a message, joined. */
  private static String text(Message message) {
    StringBuilder text = new StringBuilder();
    for (MessagePart part : message.getParts()) {
      if (part.isText()) {
        text.append(part.asText().getText());
      }
    }
    return text.toString();
  }
}
