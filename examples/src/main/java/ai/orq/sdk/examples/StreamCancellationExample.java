package ai.orq.sdk.examples;

import ai.orq.sdk.Conversations;
import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponsePart;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops a reply before it is finished, in the two ways an app does: the reader has seen enough and
 * leaves the loop, or another thread (a "Stop" button, a deadline) closes the stream. Either way
 * {@code close()} cancels the HTTP call and frees the connection; the server stops generating.
 */
public final class StreamCancellationExample {
  static final String LONG_REQUEST =
      "Tell me the whole story of the yellow tram that climbs from Baixa"
          + " through Alfama up to the castle, stop by stop, and then all the way back down again";

  private StreamCancellationExample() {}

  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open(Duration.ofMillis(100))) {
      run(env.client(), env.projectId(), env.model(), System.out);
    }
  }

  static void run(OrqClient client, String projectId, String model, PrintStream out) {
    Conversations conversations = client.conversations();
    String conversationId =
        conversations
            .create(
                CreateConversationRequest.builder()
                    .projectId(projectId)
                    .displayName("Cancellation example")
                    .build())
            .execute()
            .getId();
    try {
      int read = stopAfter(conversations, conversationId, model, 5, out);
      out.println("left the loop after " + read + " pieces of text");
      int beforeClose =
          closeFromAnotherThread(conversations, conversationId, model, Duration.ofMillis(500), out);
      out.println("closed from another thread after " + beforeClose + " pieces of text");
    } finally {
      conversations.delete(conversationId).execute();
    }
  }

  /** Reads {@code pieces} text deltas, then stops; returns how many were read. */
  static int stopAfter(
      Conversations conversations,
      String conversationId,
      String model,
      int pieces,
      PrintStream out) {
    CreateResponseRequest request =
        CreateResponseRequest.builder()
            .model(model)
            .message(Messages.userText(LONG_REQUEST))
            .build();
    int read = 0;
    // [readme:stream-stop-early]
    try (StreamResponse<ResponseEvent> events =
        conversations.createConversationResponse(conversationId, request)) {
      for (ResponseEvent event : events) {
        if (event.isPartDelta()) {
          ResponsePart delta = event.asPartDelta().getData().getDelta();
          if (delta.isText()) {
            out.print(delta.asText().getText());
            if (++read == pieces) {
              break; // enough: leaving the try block closes the stream and cancels the call
            }
          }
        }
      }
    }
    // [/readme:stream-stop-early]
    out.println();
    return read;
  }

  /**
   * Lets another thread close the stream after {@code after}, as a Stop button would; returns how
   * many text deltas were read before. The reading thread sees the cancel as an {@link
   * OrqIoException} (an {@code OrqCanceledException}).
   */
  static int closeFromAnotherThread(
      Conversations conversations,
      String conversationId,
      String model,
      Duration after,
      PrintStream out) {
    ScheduledExecutorService stopButton = Executors.newSingleThreadScheduledExecutor();
    CreateResponseRequest request =
        CreateResponseRequest.builder()
            .model(model)
            .message(Messages.userText(LONG_REQUEST))
            .build();
    int read = 0;
    StreamResponse<ResponseEvent> events =
        conversations.createConversationResponse(conversationId, request);
    // close() may be called from any thread, any number of times
    ScheduledFuture<?> stop =
        stopButton.schedule(events::close, after.toMillis(), TimeUnit.MILLISECONDS);
    try {
      for (ResponseEvent event : events) {
        if (event.isPartDelta()) {
          ResponsePart delta = event.asPartDelta().getData().getDelta();
          if (delta.isText()) {
            out.print(delta.asText().getText());
            out.flush();
            read++;
          }
        }
      }
      out.println();
      out.println("(the reply was complete before the stop came)");
    } catch (OrqIoException canceled) {
      out.println();
      out.println("stopped: " + canceled.getClass().getSimpleName() + ": " + canceled.getMessage());
    } finally {
      stop.cancel(false);
      events.close();
      stopButton.shutdown();
    }
    return read;
  }
}
