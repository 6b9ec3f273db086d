package ai.orq.sdk.reliability;

import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.ListConversationsParams;
import ai.orq.sdk.OrqCall;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.generated.internal.OperationTable;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.GenerateNameRequest;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.UpdateConversationRequest;
import com.google.gson.Gson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * The operations of the fault matrix, each named by its {@code operationId}: its method, path,
 * content type and response type come from the table generated from the spec ({@link
 * OperationTable}); here are only what the table cannot say: the facade call, and the good answer
 * WireMock stubs for it (status and body), decoded into the row's response type for the value a
 * correct SDK must return. {@code OperationCoverageTest} fails, naming it, on an operation of the
 * spec with no constant.
 */
enum Operation {
  LIST(
      "list",
      200,
      Bodies.PAGE,
      c -> c.conversations().list(ListConversationsParams.builder().limit(2).build())),
  CREATE(
      "create",
      201,
      Bodies.CONVERSATION,
      c ->
          c.conversations()
              .create(CreateConversationRequest.builder().projectId("proj_1").build())),
  GENERATE_NAME(
      "generateName",
      200,
      Bodies.CONVERSATION,
      c ->
          c.conversations()
              .generateName(Bodies.ID, GenerateNameRequest.builder().context("hello").build())),
  RETRIEVE("retrieve", 200, Bodies.WITH_MESSAGES, c -> c.conversations().retrieve(Bodies.ID)),
  UPDATE(
      "update",
      200,
      Bodies.CONVERSATION,
      c ->
          c.conversations()
              .update(
                  Bodies.ID, UpdateConversationRequest.builder().displayName("Faulty").build())),
  DELETE("delete", 204, "", c -> c.conversations().delete(Bodies.ID)),
  // streamed by invoke, through no OrqCall
  STREAM("createConversationResponse", 200, Bodies.EVENTS, null);

  /** The row of the table of operations generated from the spec. */
  final OperationTable.Row row;

  /** The row's HTTP method. */
  final String method;

  /** The row's path, absolute, for the conversation {@link Bodies#ID}. */
  final String path;

  final int status;

  /** The good answer's content type, from the row: none without a response type. */
  final String contentType;

  final String body;
  private final Function<OrqClient, OrqCall<?>> call;

  Operation(String operationId, int status, String body, Function<OrqClient, OrqCall<?>> call) {
    this.row = OperationTable.find(operationId);
    if (row == null) {
      throw new IllegalStateException(operationId + ": in the fault matrix but not in the spec");
    }
    this.method = row.method;
    this.path = "/" + row.pathWith(Bodies.ID);
    this.status = status;
    this.contentType =
        row.streams ? "text/event-stream" : row.responseType == null ? null : "application/json";
    this.body = body;
    this.call = call;
  }

  /**
   * Runs the operation and returns its result; a stream is read to its end and its events returned
   * as a list. Async: {@code executeAsync()} or the async stream, waited for here, with the SDK
   * exception that failed it rethrown as is.
   */
  Object invoke(OrqClient client, boolean async) throws InterruptedException {
    if (row.streams) {
      return async ? streamAsync(client) : stream(client);
    }
    if (!async) {
      return call.apply(client).execute();
    }
    try {
      return call.apply(client).executeAsync().get();
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
  }

  private static RuntimeException unwrap(ExecutionException e) {
    if (e.getCause() instanceof OrqException cause) {
      return cause;
    }
    throw new AssertionError("not an SDK exception: " + e.getCause(), e.getCause());
  }

  /**
   * What the good answer means, decoded independently of the call under test into the row's
   * response type (the events of a stream, nothing without a response type).
   */
  Object expected(Gson gson) {
    if (row.streams) {
      return Bodies.expectedEvents(gson);
    }
    if (row.responseType == null) {
      return null;
    }
    try {
      return gson.fromJson(body, Class.forName("ai.orq.sdk.model." + row.responseType));
    } catch (ClassNotFoundException e) {
      throw new AssertionError(row + ": no model class " + row.responseType, e);
    }
  }

  /** The constant of {@code row}, or null when the fault matrix does not cover it. */
  static Operation of(OperationTable.Row row) {
    for (Operation operation : values()) {
      if (operation.row.operationId.equals(row.operationId)) {
        return operation;
      }
    }
    return null;
  }

  static CreateResponseRequest streamRequest() {
    return Replies.saying("hi");
  }

  /**
   * Events read by the last stream before it ended or failed, for the check that they are a prefix
   * of the good stream. (The operation runs on the timeout guard's thread; cases run one at a
   * time.)
   */
  static final List<ResponseEvent> READ_SO_FAR = Collections.synchronizedList(new ArrayList<>());

  private static Object stream(OrqClient client) {
    List<ResponseEvent> events = READ_SO_FAR;
    events.clear();
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(Bodies.ID, streamRequest())) {
      for (ResponseEvent event : stream) {
        events.add(event);
      }
    }
    return new ArrayList<>(events);
  }

  private static Object streamAsync(OrqClient client) throws InterruptedException {
    List<ResponseEvent> events = READ_SO_FAR;
    events.clear();
    AsyncStreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponseAsync(Bodies.ID, streamRequest());
    try {
      stream.subscribe(events::add).onCompleteFuture().get();
    } catch (ExecutionException e) {
      throw unwrap(e);
    } finally {
      stream.close();
    }
    return new ArrayList<>(events);
  }
}
