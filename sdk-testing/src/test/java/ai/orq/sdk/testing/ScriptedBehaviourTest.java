package ai.orq.sdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.OrqJson;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.InternalServerException;
import ai.orq.sdk.errors.OrqTimeoutException;
import ai.orq.sdk.errors.RateLimitException;
import ai.orq.sdk.errors.ResponseFailedException;
import ai.orq.sdk.errors.StreamTruncatedException;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.Operation;
import ai.orq.sdk.localserver.RecordedRequest;
import ai.orq.sdk.localserver.ScriptedError;
import ai.orq.sdk.localserver.ScriptedResponse;
import ai.orq.sdk.localserver.ScriptedToolCall;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.PendingToolCall;
import ai.orq.sdk.model.ResponseDoneEvent;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseFailedEvent;
import ai.orq.sdk.model.ResponsePart;
import ai.orq.sdk.model.ToolDoneEvent;
import ai.orq.sdk.model.ToolFailedEvent;
import ai.orq.sdk.model.ToolReviewDoneEvent;
import ai.orq.sdk.model.ToolReviewRequestedEvent;
import ai.orq.sdk.model.ToolStartedEvent;
import ai.orq.sdk.streaming.AssembledResponse;
import ai.orq.sdk.streaming.ResponseAccumulator;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every scripted behaviour of the local server, seen through the real SDK (core and streaming): the
 * typed events, exceptions and retries that the user's code gets.
 */
@OrqLocalServerTest
class ScriptedBehaviourTest {
  private static final ScriptedToolCall REFUND =
      ScriptedToolCall.of("call_7", "refund", "{\"order\":\"A-17\",\"cents\":1250}");

  @Test
  void textArrivesInTheScriptedChunks(LocalOrqServer server, OrqClient client) {
    server.enqueue(ScriptedResponse.builder().text("Bom ", "dia", "!").build());

    List<String> deltas = new ArrayList<>();
    List<FinishReason> finishReasons = new ArrayList<>();
    ResponseEvent.Visitor<Void> reader =
        new ResponseEvent.Visitor<Void>() {
          @Override
          public Void visitPartDelta(PartDeltaEvent delta) {
            deltas.add(delta.getData().getDelta().asText().getText());
            return null;
          }

          @Override
          public Void visitResponseDone(ResponseDoneEvent done) {
            finishReasons.add(done.getData().getFinishReason());
            return null;
          }

          @Override
          public Void otherwise(ResponseEvent event) {
            return null;
          }
        };
    try (StreamResponse<ResponseEvent> events = send(client, "hello")) {
      for (ResponseEvent event : events) {
        event.accept(reader);
      }
    }
    assertEquals(List.of("Bom ", "dia", "!"), deltas);
    assertEquals(List.of(FinishReason.STOP), finishReasons);
    assertEquals("stop", finishReasons.get(0).asString());
  }

  @Test
  void reasoningIsAssembledApartFromText(LocalOrqServer server, OrqClient client) {
    server.enqueue(
        ScriptedResponse.builder()
            .reasoning("User greets; ", "greet back.")
            .text("Hi!")
            .finish("length")
            .build());

    AssembledResponse answer = ResponseAccumulator.assemble(send(client, "hello"));
    assertEquals("User greets; greet back.", answer.reasoning());
    assertEquals("Hi!", answer.text());
    assertEquals("length", String.valueOf(answer.finishReason()));
    assertEquals(3L, answer.usage().getCompletionTokens(), "one per chunk");
  }

  @Test
  void reasoningDeltasAreTypedParts(LocalOrqServer server, OrqClient client) {
    server.enqueue(ScriptedResponse.builder().reasoning("hmm").build());
    try (StreamResponse<ResponseEvent> events = send(client, "hello")) {
      List<ResponseEvent> all = collect(events);
      ResponsePart delta = all.get(1).asPartDelta().getData().getDelta();
      assertTrue(delta.isReasoning(), delta.toString());
      assertEquals("hmm", delta.asReasoning().getReasoning());
    }
  }

  @Test
  void toolCallsAndReviewsArriveAsTypedEvents(LocalOrqServer server, OrqClient client) {
    ScriptedToolCall lookup =
        ScriptedToolCall.of("call_1", "lookup_order", "{\"order\":\"A-17\"}").withToolId("tool_01");
    server.enqueue(
        ScriptedResponse.builder()
            .toolStarted(lookup)
            .toolDone(lookup, "{\"status\":\"delivered\"}")
            .toolReviewRequested(REFUND)
            .toolReviewDone(REFUND, false)
            .toolFailed(REFUND, "refund rejected by reviewer")
            .text("I could not refund that order.")
            .build());

    List<ResponseEvent> events;
    try (StreamResponse<ResponseEvent> stream = send(client, "refund A-17")) {
      events = collect(stream);
    }
    assertTrue(events.get(0).isResponseStarted(), events.get(0).toString());
    ToolStartedEvent started = events.get(1).asToolStarted();
    assertEquals("tool_01", started.getData().getToolId());
    assertEquals("call_1", started.getData().getToolCallId());
    assertEquals("lookup_order", started.getData().getToolName());
    assertEquals("A-17", started.getData().getArguments().get("order").getAsString());
    ToolDoneEvent done = events.get(2).asToolDone();
    assertEquals(
        "delivered", done.getData().getResult().getAsJsonObject().get("status").getAsString());
    ToolReviewRequestedEvent review = events.get(3).asToolReviewRequested();
    assertEquals("refund", review.getData().getToolName());
    assertTrue(review.getData().getRequiresApproval());
    assertEquals(1250.0, review.getData().getArguments().get("cents").getAsDouble());
    ToolReviewDoneEvent reviewed = events.get(4).asToolReviewDone();
    assertEquals("rejected", String.valueOf(reviewed.getData().getReview()));
    ToolFailedEvent failed = events.get(5).asToolFailed();
    assertEquals("refund rejected by reviewer", failed.getData().getError());
    ResponseEvent last = events.get(events.size() - 1);
    assertTrue(last.isResponseDone(), last.toString());
  }

  @Test
  void aFunctionCallFinishHandsBackThePendingToolCalls(LocalOrqServer server, OrqClient client) {
    server.enqueue(
        ScriptedResponse.builder().text("Checking.").finishWithToolCalls(REFUND).build());

    AssembledResponse answer = ResponseAccumulator.assemble(send(client, "refund A-17"));
    assertEquals("function_call", String.valueOf(answer.finishReason()));
    PendingToolCall call = answer.pendingToolCalls().get(0);
    assertEquals("call_7", call.getId());
    assertEquals("function", String.valueOf(call.getType()));
    assertEquals("refund", call.getFunction().getName());
    assertEquals("{\"order\":\"A-17\",\"cents\":1250}", call.getFunction().getArguments());
    JsonObject arguments = OrqJson.bind(call.getFunction().getArguments(), JsonObject.class);
    assertEquals("A-17", arguments.get("order").getAsString());
  }

  @Test
  void aFailedResponseIsAnEventOrAnException(LocalOrqServer server, OrqClient client) {
    server.enqueue(
        ScriptedResponse.builder().text("Let me").fail(503, "model overloaded").build(),
        ScriptedResponse.builder().fail(500, "tool crashed").build());

    try (StreamResponse<ResponseEvent> stream = send(client, "one")) {
      List<ResponseEvent> events = collect(stream);
      ResponseFailedEvent failed = events.get(events.size() - 1).asResponseFailed();
      assertEquals(503, failed.getData().getCode());
      assertEquals("model overloaded", failed.getData().getError());
    }
    ResponseFailedException e =
        assertThrows(
            ResponseFailedException.class, () -> ResponseAccumulator.assemble(send(client, "two")));
    assertEquals(500, e.code());
    assertEquals("tool crashed", e.error());
  }

  @Test
  void aStreamCutBeforeDoneIsTruncated(LocalOrqServer server, OrqClient client) {
    server.enqueue(ScriptedResponse.builder().text("Half an ", "answer").truncate().build());

    List<ResponseEvent> seen = new ArrayList<>();
    StreamTruncatedException e;
    try (StreamResponse<ResponseEvent> stream = send(client, "hello")) {
      e = assertThrows(StreamTruncatedException.class, () -> stream.forEach(seen::add));
    }
    assertEquals(4, seen.size(), "started, two deltas and part.done came through");
    assertEquals(4, e.eventsReceived());
  }

  @Test
  void theAsyncFormSeesTheSameScript(LocalOrqServer server, OrqClient client) throws Exception {
    String conversationId = newConversation(client);
    server.failNext(
        Operation.CREATE_RESPONSE, 1, ScriptedError.status(503).retryAfter(Duration.ofMillis(10)));
    server.enqueue(
        ScriptedResponse.builder().text("async ", "answer").finishWithToolCalls(REFUND).build(),
        ScriptedResponse.builder().text("cut").truncate().build());
    CreateResponseRequest request = request("hi");

    AssembledResponse answer =
        ResponseAccumulator.assemble(
                client.conversations().createConversationResponseAsync(conversationId, request))
            .get(10, TimeUnit.SECONDS);
    assertEquals("async answer", answer.text());
    assertEquals("function_call", String.valueOf(answer.finishReason()));
    assertEquals(3, server.requestCount(), "the create, a 503 and its retry");

    ExecutionException cut =
        assertThrows(
            ExecutionException.class,
            () ->
                ResponseAccumulator.assemble(
                        client
                            .conversations()
                            .createConversationResponseAsync(conversationId, request))
                    .get(10, TimeUnit.SECONDS));
    assertInstanceOf(StreamTruncatedException.class, cut.getCause());
  }

  @Test
  void rateLimitsAreRetriedAfterRetryAfterAndTheRetriesAreRecorded(
      LocalOrqServer server, OrqClient client) throws InterruptedException {
    String conversationId = newConversation(client);
    server.takeRequest(1, TimeUnit.SECONDS); // the create
    server.failNext(
        Operation.CREATE_RESPONSE, 2, ScriptedError.status(429).retryAfter(Duration.ofMillis(20)));
    server.enqueue(ScriptedResponse.text("Finally."));

    AssembledResponse answer =
        ResponseAccumulator.assemble(
            client.conversations().createConversationResponse(conversationId, request("hi")));

    assertEquals("Finally.", answer.text());
    for (int attempt = 0; attempt < 3; attempt++) {
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      assertEquals(Operation.CREATE_RESPONSE, request.operation());
      assertEquals(String.valueOf(attempt), request.header("X-Orq-Retry-Count"));
      assertEquals(
          "hi",
          request
              .jsonBody()
              .getAsJsonObject("message")
              .getAsJsonArray("parts")
              .get(0)
              .getAsJsonObject()
              .get("text")
              .getAsString());
    }
    assertNull(server.takeRequest(10, TimeUnit.MILLISECONDS), "three attempts in all");
  }

  @Test
  void errorsOutlastingTheRetriesReachTheCaller(LocalOrqServer server, OrqClient client)
      throws InterruptedException {
    server.failNext(
        Operation.CREATE,
        3,
        ScriptedError.status(503).retryAfter(Duration.ofMillis(5)).message("Down for maintenance"));
    InternalServerException down =
        assertThrows(InternalServerException.class, () -> newConversation(client));
    assertEquals(503, down.statusCode());
    assertEquals("Down for maintenance", down.errorMessage());
    assertEquals(3, server.requestCount(), "the first attempt and the client's two retries");

    server.failNext(Operation.LIST, 1, ScriptedError.status(500).retryAfter(Duration.ofMillis(5)));
    assertTrue(
        client.conversations().list().execute().getData().isEmpty(), "500 once, then retried");

    server.failNext(
        Operation.RETRIEVE,
        1,
        ScriptedError.status(429).retryAfter(Duration.ofSeconds(1)).message("Slow down"));
    OrqClient noRetries = client.newBuilder().maxRetries(0).build();
    try {
      RateLimitException limited =
          assertThrows(
              RateLimitException.class,
              () -> noRetries.conversations().retrieve("conv_1").execute());
      assertEquals("1", limited.headers().get("Retry-After"));
      assertEquals("Slow down", limited.errorMessage());
    } finally {
      noRetries.close();
    }
  }

  @Test
  void aSlowServerTimesOut(LocalOrqServer server, OrqClient client) {
    String conversationId = newConversation(client);
    server.enqueue(
        ScriptedResponse.builder().headersDelay(Duration.ofSeconds(3)).text("late").build());
    OrqClient impatient = client.newBuilder().timeout(Duration.ofMillis(100)).maxRetries(0).build();
    try {
      assertThrows(
          OrqTimeoutException.class,
          () ->
              ResponseAccumulator.assemble(
                  impatient
                      .conversations()
                      .createConversationResponse(conversationId, request("hi"))));
    } finally {
      impatient.close();
    }
  }

  @Test
  void delayedEventsStillArriveInOrder(LocalOrqServer server, OrqClient client) {
    server.enqueue(
        ScriptedResponse.builder()
            .eventDelay(Duration.ofMillis(10))
            .text("a", "b")
            .pause(Duration.ofMillis(20))
            .text("c")
            .build());
    assertEquals("abc", ResponseAccumulator.assemble(send(client, "hello")).text());
  }

  @Test
  void theStoredConversationHoldsBothMessages(LocalOrqServer server, OrqClient client) {
    server.enqueue(ScriptedResponse.text("Scripted ", "answer"));
    ResponseAccumulator.assemble(send(client, "question"));

    JsonObject stored = server.storedConversations().get(0);
    assertEquals("test-project", stored.get("displayName").getAsString());
    assertEquals(2, stored.getAsJsonArray("messages").size());
    assertEquals(
        "Scripted answer",
        stored
            .getAsJsonArray("messages")
            .get(1)
            .getAsJsonObject()
            .getAsJsonArray("parts")
            .get(0)
            .getAsJsonObject()
            .get("text")
            .getAsString());
    ConversationWithMessages retrieved =
        client.conversations().retrieve(stored.get("_id").getAsString()).execute();
    assertEquals(
        "Scripted answer", retrieved.getMessages().get(1).getParts().get(0).asText().getText());
  }

  private static StreamResponse<ResponseEvent> send(OrqClient client, String text) {
    return client
        .conversations()
        .createConversationResponse(newConversation(client), request(text));
  }

  private static CreateResponseRequest request(String text) {
    return CreateResponseRequest.builder()
        .model("openai/gpt-4o")
        .message(Messages.userText(text))
        .build();
  }

  private static String newConversation(OrqClient client) {
    return client
        .conversations()
        .create(
            CreateConversationRequest.builder().projectId("p").displayName("test-project").build())
        .execute()
        .getId();
  }

  private static List<ResponseEvent> collect(StreamResponse<ResponseEvent> stream) {
    List<ResponseEvent> events = new ArrayList<>();
    stream.forEach(events::add);
    return events;
  }
}
