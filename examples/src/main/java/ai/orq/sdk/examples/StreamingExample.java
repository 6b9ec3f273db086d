package ai.orq.sdk.examples;

import ai.orq.sdk.Conversations;
import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponsePart;
import ai.orq.sdk.streaming.AssembledResponse;
import ai.orq.sdk.streaming.ResponseAccumulator;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Streams an assistant's reply and prints each piece of text the moment it arrives, then asks again
 * and lets {@link ResponseAccumulator} assemble the whole answer.
 *
 * <p>A reply is a stream of events: {@code response.started}, one {@code part.delta} per piece of
 * text, {@code part.done} with the complete part, and {@code response.done} with the finish reason
 * and the token usage. Streams are {@link AutoCloseable}: always read them in try-with-resources.
 */
public final class StreamingExample {
  private StreamingExample() {}

  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open(Duration.ofMillis(60))) {
      run(env.client(), env.projectId(), env.model(), System.out);
    }
  }

  /** Streams two replies in a new conversation; returns the second one, assembled. */
  static AssembledResponse run(OrqClient client, String projectId, String model, PrintStream out) {
    Conversations conversations = client.conversations();
    String conversationId =
        conversations
            .create(
                CreateConversationRequest.builder()
                    .projectId(projectId)
                    .displayName("Streaming example")
                    .build())
            .execute()
            .getId();
    try {
      // [readme:quick-start-streaming]
      CreateResponseRequest request =
          CreateResponseRequest.builder()
              .model(model)
              .message(Messages.userText("Suggest three things to do in Lisbon"))
              .build();
      try (StreamResponse<ResponseEvent> events =
          conversations.createConversationResponse(conversationId, request)) {
        out.println("request id " + events.head().requestId()); // sent, before the first event
        for (ResponseEvent event : events) {
          if (event.isPartDelta()) {
            ResponsePart delta = event.asPartDelta().getData().getDelta();
            if (delta.isText()) {
              out.print(delta.asText().getText()); // a few characters at a time
              out.flush();
            }
          } else if (event.isResponseDone()) {
            out.println();
            out.println("finish reason: " + event.asResponseDone().getData().getFinishReason());
          }
        }
      } // closing the stream releases the connection, also when the loop ends early
      // [/readme:quick-start-streaming]

      // [readme:streaming-accumulator]
      AssembledResponse answer =
          ResponseAccumulator.assemble(
              conversations.createConversationResponse(
                  conversationId,
                  CreateResponseRequest.builder()
                      .model(model)
                      .message(Messages.userText("And in Porto?"))
                      .build()));
      out.println(answer.text());
      out.println(
          answer.usage().getTotalTokens() + " tokens, finish reason " + answer.finishReason());
      // [/readme:streaming-accumulator]
      return answer;
    } finally {
      conversations.delete(conversationId).execute();
    }
  }
}
