package ai.orq.sdk.examples;

import ai.orq.sdk.Conversations;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.errors.BadRequestException;
import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.errors.OrqServiceException;
import ai.orq.sdk.errors.UnauthorizedException;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.GenerateNameRequest;
import java.io.PrintStream;

/**
 * What failures look like. Every exception is unchecked and extends {@link OrqException}: an error
 * status is an {@link OrqServiceException} (a status-named subclass for the common ones) carrying
 * the status, headers, request id, raw body and the parsed {@code {"message": ...}}; a failure
 * without a complete response (refused connection, timeout, cancel) is an {@link OrqIoException}.
 */
public final class ErrorHandlingExample {
  static final String MISSING_ID = "conv_01J0000000000000000000000";

  private ErrorHandlingExample() {}

  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      run(env.client(), env.projectId(), System.out);
    }
  }

  /** Provokes a 404, a 400, a 401 and a connection failure; returns the 404's error message. */
  static String run(OrqClient client, String projectId, PrintStream out) {
    Conversations conversations = client.conversations();

    // 404: the id names no conversation. The declared error body {"message": ...} is parsed.
    String notFound = retrieveOrExplain(conversations, MISSING_ID, out);

    // 400: generateName refuses a conversation that already has a name.
    String id =
        conversations
            .create(
                CreateConversationRequest.builder()
                    .projectId(projectId)
                    .displayName("Already named")
                    .build())
            .execute()
            .getId();
    try {
      conversations
          .generateName(id, GenerateNameRequest.builder().context("anything").build())
          .execute();
    } catch (BadRequestException e) {
      out.println("400 BadRequestException: " + e.errorMessage());
    } finally {
      conversations.delete(id).execute();
    }

    // 401: a wrong API key. newBuilder() copies every other setting of the client.
    try (OrqClient wrongKey = client.newBuilder().apiKey("not-a-valid-key").build()) {
      wrongKey.conversations().list().execute();
    } catch (UnauthorizedException e) {
      out.println("401 UnauthorizedException: " + e.getMessage());
    }

    // No response at all: nothing listens on port 9 of this machine.
    try (OrqClient unreachable =
        client.newBuilder().baseUrl("http://127.0.0.1:9").maxRetries(0).build()) {
      unreachable.conversations().list().execute();
    } catch (OrqIoException e) {
      out.println("OrqIoException: " + e.getMessage());
    }
    return notFound;
  }

  /** Retrieves a conversation, explaining any failure; returns the 404's message, or null. */
  static String retrieveOrExplain(
      Conversations conversations, String conversationId, PrintStream out) {
    // [readme:errors]
    try {
      ConversationWithMessages conversation = conversations.retrieve(conversationId).execute();
      out.println("found \"" + conversation.getDisplayName() + "\"");
    } catch (NotFoundException e) {
      // a declared error: e.errorMessage() is the "message" of its {"message": ...} body
      out.println("404 NotFoundException: " + e.errorMessage());
      out.println("    request id " + e.requestId() + ", raw body " + e.rawBody());
      return e.errorMessage();
    } catch (OrqServiceException e) {
      // any other error status; the body may be anything, so read rawBody()
      out.println("HTTP " + e.statusCode() + ": " + e.rawBody());
    } catch (OrqIoException e) {
      // no complete response: connection failure, OrqTimeoutException, OrqCanceledException
      out.println("network trouble: " + e.getMessage());
    }
    // [/readme:errors]
    return null;
  }
}
