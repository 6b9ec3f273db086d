package ai.orq.sdk.reliability;

import ai.orq.sdk.OrqClient;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A program for {@link HostileCloseTest}, run in a JVM of its own: it opens an async stream to the
 * server at {@code args[0]}, waits for its first event, closes the client, prints {@code closed}
 * and returns from {@code main}. The JVM must then exit by itself.
 */
public final class ClosingProgram {
  private ClosingProgram() {}

  public static void main(String[] args) throws InterruptedException {
    OrqClient client = OrqClient.builder().apiKey(Hostile.KEY).baseUrl(args[0]).build();
    CountDownLatch first = new CountDownLatch(1);
    client
        .conversations()
        .createConversationResponseAsync(Bodies.ID, Operation.streamRequest())
        .subscribe(event -> first.countDown());
    if (!first.await(20, TimeUnit.SECONDS)) {
      throw new AssertionError("no first event");
    }
    client.close();
    System.out.println("closed");
  }
}
