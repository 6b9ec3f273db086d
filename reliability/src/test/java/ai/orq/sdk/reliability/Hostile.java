package ai.orq.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.ResponseEvent;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** What the hostile-server tests share: a client of the server, and the failure of an operation. */
final class Hostile {
  static final String KEY = "sk-hostile-test-key";
  static final Duration BOUND = Duration.ofSeconds(30);

  private Hostile() {}

  /** A client of {@code server} with no retries unless {@code settings} says so. */
  static OrqClient client(HostileServer server, UnaryOperator<OrqClient.Builder> settings) {
    return settings
        .apply(OrqClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(0))
        .build();
  }

  /** The one model the hostile tests send to {@code create}. */
  static CreateConversationRequest createRequest() {
    return CreateConversationRequest.builder().projectId("proj_1").build();
  }

  /** The exception {@code create} ends in, blocking or async. */
  static OrqException createFailure(OrqClient client, boolean async) {
    return failure(
        () -> {
          if (async) {
            client
                .conversations()
                .create(createRequest())
                .executeAsync()
                .get(BOUND.toSeconds(), TimeUnit.SECONDS);
          } else {
            client.conversations().create(createRequest()).execute();
          }
        });
  }

  /** The exception a stream of {@code client} ends in, blocking or async. */
  static OrqException streamFailure(OrqClient client, boolean async) {
    return failure(
        () -> {
          if (async) {
            client
                .conversations()
                .createConversationResponseAsync(Bodies.ID, Operation.streamRequest())
                .subscribe(event -> {})
                .onCompleteFuture()
                .get(BOUND.toSeconds(), TimeUnit.SECONDS);
          } else {
            try (StreamResponse<ResponseEvent> events =
                client
                    .conversations()
                    .createConversationResponse(Bodies.ID, Operation.streamRequest())) {
              events.forEach(event -> {});
            }
          }
        });
  }

  interface Action {
    void run() throws Exception;
  }

  /** The SDK exception {@code action} throws (unwrapped from a future), within {@link #BOUND}. */
  static OrqException failure(Action action) {
    Throwable thrown =
        assertTimeoutPreemptively(BOUND, () -> assertThrows(Throwable.class, action::run));
    Throwable cause =
        thrown instanceof ExecutionException || thrown instanceof CompletionException
            ? thrown.getCause()
            : thrown;
    if (cause instanceof OrqException orq) {
      return orq;
    }
    throw new AssertionError("not an SDK exception: " + cause, cause);
  }
}
