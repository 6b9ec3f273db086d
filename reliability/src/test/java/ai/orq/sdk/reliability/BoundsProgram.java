package ai.orq.sdk.reliability;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.streaming.ResponseAccumulator;

/**
 * A program for {@link HostileBoundsTest}, run in a JVM of its own with a small heap: runs the
 * operation {@code args[0]} against the server at {@code args[1]} and prints {@code outcome: } and
 * the class of what it ended with, an {@code OutOfMemoryError} included.
 */
public final class BoundsProgram {
  private BoundsProgram() {}

  public static void main(String[] args) {
    try (OrqClient client =
        OrqClient.builder()
            .apiKey(Hostile.KEY)
            .baseUrl(args[1])
            .maxResponseBytes(1024 * 1024)
            .maxRetries(0)
            .build()) {
      switch (args[0]) {
        case "retrieve" -> client.conversations().retrieve(Bodies.ID).execute();
        case "stream" -> {
          try (StreamResponse<ResponseEvent> events =
              client
                  .conversations()
                  .createConversationResponse(Bodies.ID, Operation.streamRequest())) {
            events.forEach(event -> {});
          }
        }
        case "assemble" ->
            ResponseAccumulator.assemble(
                client
                    .conversations()
                    .createConversationResponse(Bodies.ID, Operation.streamRequest()));
        default -> throw new IllegalArgumentException(args[0]);
      }
      System.out.println("outcome: none");
    } catch (Throwable e) {
      System.out.println("outcome: " + e.getClass().getName() + ": " + e.getMessage());
    }
  }
}
