package ai.orq.sdk.examples;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.observe.OperationEnd;
import ai.orq.sdk.observe.OrqListener;
import ai.orq.sdk.streaming.ResponseAccumulator;
import java.io.PrintStream;

/**
 * Observes a client's operations with an {@link OrqListener}: one line per operation, with its
 * outcome, duration, attempts and, for a stream, its token usage. Tracing and metrics hook in the
 * same way.
 */
public final class ListenerExample {
  private ListenerExample() {}

  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      run(env.client(), env.projectId(), env.model(), System.out);
    }
  }

  /** Creates a conversation, streams one reply and deletes it, with every operation logged. */
  static void run(OrqClient client, String projectId, String model, PrintStream out) {
    // [readme:listener]
    OrqListener log =
        start -> {
          long began = System.nanoTime();
          return new OrqListener.Operation() {
            @Override
            public void onEnd(OperationEnd end) {
              out.println(
                  start.operationName()
                      + (end.error() == null ? " ok" : " failed: " + end.error().getMessage())
                      + " in "
                      + (System.nanoTime() - began) / 1_000_000
                      + " ms, "
                      + end.attempts()
                      + " attempt(s)"
                      + (end.usage() == null
                          ? ""
                          : ", " + end.usage().getTotalTokens() + " tokens"));
            }
          };
        };
    try (OrqClient observed = client.newBuilder().addListener(log).build()) {
      // [/readme:listener]
      String id =
          observed
              .conversations()
              .create(CreateConversationRequest.builder().projectId(projectId).build())
              .execute()
              .getId();
      ResponseAccumulator.assemble(
          observed
              .conversations()
              .createConversationResponse(
                  id,
                  CreateResponseRequest.builder()
                      .model(model)
                      .message(Messages.userText("Hello"))
                      .build()));
      observed.conversations().delete(id).execute();
    }
  }
}
