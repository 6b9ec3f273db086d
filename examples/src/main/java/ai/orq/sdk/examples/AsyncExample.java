package ai.orq.sdk.examples;

import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.Conversations;
import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqCall;
import ai.orq.sdk.OrqCallback;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.OrqResponse;
import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.StreamHandler;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.model.Conversation;
import ai.orq.sdk.model.ConversationPage;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponsePart;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The same calls without blocking a thread while they run: {@code executeAsync()} returns a {@link
 * CompletableFuture} to compose, {@code enqueue(callback)} calls you back, and {@code
 * createConversationResponseAsync} pushes stream events to a handler.
 *
 * <p>Callbacks and handlers run on the SDK's threads (OkHttp's dispatcher, the stream's reader):
 * keep them short, and hand heavy work to your own executor.
 */
public final class AsyncExample {
  private AsyncExample() {}

  public static void main(String[] args) throws InterruptedException {
    try (ExampleEnvironment env = ExampleEnvironment.open(Duration.ofMillis(60))) {
      run(env.client(), env.projectId(), env.model(), System.out);
    }
  }

  /**
   * Creates three conversations at once, works with them asynchronously; returns the streamed
   * reply.
   */
  static String run(OrqClient client, String projectId, String model, PrintStream out)
      throws InterruptedException {
    Conversations conversations = client.conversations();

    // Futures: three creates in flight together, then wait for all of them.
    List<CompletableFuture<Conversation>> creates = new ArrayList<>();
    for (String city : new String[] {"Lisbon", "Porto", "Faro"}) {
      creates.add(
          conversations
              .create(
                  CreateConversationRequest.builder()
                      .projectId(projectId)
                      .displayName("Trip to " + city)
                      .build())
              .executeAsync());
    }
    CompletableFuture.allOf(creates.toArray(new CompletableFuture<?>[0])).join();
    List<String> ids = new ArrayList<>();
    for (CompletableFuture<Conversation> create : creates) {
      ids.add(create.join().getId());
    }
    out.println("executeAsync: created " + ids.size() + " conversations concurrently");

    // [readme:quick-start-async-future]
    // Compose: create, then retrieve what was created, without blocking in between.
    CompletableFuture<ConversationWithMessages> future =
        conversations
            .create(
                CreateConversationRequest.builder()
                    .projectId(projectId)
                    .displayName("Async")
                    .build())
            .executeAsync()
            .thenCompose(created -> conversations.retrieve(created.getId()).executeAsync());
    ConversationWithMessages fetched = future.join(); // or thenAccept(...), and never block
    // [/readme:quick-start-async-future]
    ids.add(fetched.getId());
    out.println("thenCompose:  created and retrieved \"" + fetched.getDisplayName() + "\"");

    // [readme:quick-start-async-callback]
    // Callback: exactly one of the two methods runs, on an OkHttp dispatcher thread.
    CountDownLatch listed = new CountDownLatch(1);
    conversations
        .list()
        .enqueue(
            new OrqCallback<ConversationPage>() {
              @Override
              public void onSuccess(
                  OrqCall<ConversationPage> call, OrqResponse<ConversationPage> response) {
                out.println(
                    "enqueue:      HTTP "
                        + response.statusCode()
                        + ", "
                        + response.body().getData().size()
                        + " conversations on the first page");
                listed.countDown();
              }

              @Override
              public void onFailure(OrqCall<ConversationPage> call, OrqException error) {
                out.println("enqueue:      failed: " + error.getMessage());
                listed.countDown();
              }
            });
    // [/readme:quick-start-async-callback]
    listed.await(30, TimeUnit.SECONDS);

    // A stream pushed to a handler instead of pulled in a loop, ended if it takes over 2 minutes.
    StringBuilder reply = new StringBuilder();
    out.print("handler:      ");
    // [readme:async-stream-deadline]
    AsyncStreamResponse<ResponseEvent> stream =
        conversations
            .createConversationResponseAsync(
                ids.get(0),
                CreateResponseRequest.builder()
                    .model(model)
                    .message(Messages.userText("What should I pack?"))
                    .build())
            .withOptions(RequestOptions.builder().deadline(Duration.ofMinutes(2)).build());
    // [/readme:async-stream-deadline]
    stream.subscribe(
        new StreamHandler<ResponseEvent>() {
          @Override
          public void onEvent(ResponseEvent event) {
            if (event.isPartDelta()) {
              ResponsePart delta = event.asPartDelta().getData().getDelta();
              if (delta.isText()) {
                String text = delta.asText().getText();
                reply.append(text);
                out.print(text);
                out.flush();
              }
            }
          }

          @Override
          public void onComplete() {
            out.println();
          }

          @Override
          public void onFailure(OrqException error) {
            out.println(" ... failed: " + error.getMessage());
          }
        });
    stream.onCompleteFuture().join(); // completes after onComplete, or fails after onFailure

    // Clean up, again without blocking per call.
    List<CompletableFuture<Void>> deletes = new ArrayList<>();
    for (String id : ids) {
      deletes.add(conversations.delete(id).executeAsync());
    }
    CompletableFuture.allOf(deletes.toArray(new CompletableFuture<?>[0])).join();
    out.println("executeAsync: deleted " + deletes.size() + " conversations");
    return reply.toString();
  }
}
