package ai.orq.sdk.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.model.Conversation;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.ResponseEvent;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end against the local orq server, an independent implementation of the wire protocol. */
final class LocalServerStreamTest {
  private static LocalOrqServer server;
  private static OrqClient client;

  @BeforeAll
  static void start() {
    server = LocalOrqServer.builder().tokenDelay(Duration.ofMillis(100)).build().start();
    client = OrqClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  private static String newConversation() {
    Conversation created =
        client
            .conversations()
            .create(CreateConversationRequest.builder().projectId("proj_streaming").build())
            .execute();
    return created.getId();
  }

  @Test
  void theAnswerStreamsWordByWordAndIsStored() {
    String id = newConversation();
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(id, Fixtures.request())) {
      Iterator<ResponseEvent> events = stream.iterator();
      ResponseEvent first = events.next();
      assertTrue(first.isResponseStarted(), first.toString());
      ResponseAccumulator accumulator = ResponseAccumulator.create();
      events.forEachRemaining(accumulator);
      AssembledResponse answer = accumulator.result();
      assertEquals("You said: Hello!", answer.text());
      assertEquals(FinishReason.STOP, answer.finishReason());
      assertEquals(
          answer.usage().getPromptTokens() + answer.usage().getCompletionTokens(),
          answer.usage().getTotalTokens());
    }
    ConversationWithMessages stored = client.conversations().retrieve(id).execute();
    assertEquals(2, stored.getMessages().size());
  }

  @Test
  void responseStartedArrivesBeforeTheFirstTokenDelay() {
    try (LocalOrqServer slow =
            LocalOrqServer.builder().tokenDelay(Duration.ofSeconds(30)).build().start();
        OrqClient slowClient =
            OrqClient.builder().apiKey(slow.apiKey()).baseUrl(slow.baseUrl()).build()) {
      String id =
          slowClient
              .conversations()
              .create(CreateConversationRequest.builder().projectId("proj_streaming").build())
              .execute()
              .getId();
      long start = System.nanoTime();
      try (StreamResponse<ResponseEvent> stream =
          slowClient.conversations().createConversationResponse(id, Fixtures.request())) {
        ResponseEvent first = stream.iterator().next();
        assertTrue(first.isResponseStarted(), first.toString());
      }
      // with a token due only after 30 s, an event at all within 15 s is one sent before it
      assertTrue(
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 15,
          "response.started waited for the first token");
    }
  }

  @Test
  void theAsyncFormAssemblesTheSameAnswer() throws Exception {
    AssembledResponse answer =
        ResponseAccumulator.assemble(
                client
                    .conversations()
                    .createConversationResponseAsync(newConversation(), Fixtures.request()))
            .get(10, TimeUnit.SECONDS);
    assertEquals("You said: Hello!", answer.text());
    assertTrue(answer.eventCount() >= 4);
  }

  @Test
  void anUnknownConversationIsNotFoundBeforeAnyEvent() {
    NotFoundException e =
        assertThrows(
            NotFoundException.class,
            () ->
                client
                    .conversations()
                    .createConversationResponse(
                        "conv_01JUNKNOWN000000000000000", Fixtures.request())
                    .iterator()
                    .hasNext());
    assertEquals(404, e.statusCode());
  }

  @Test
  void closingEarlyStopsTheServerFromStoringTheAnswer() throws Exception {
    String id = newConversation();
    try (StreamResponse<ResponseEvent> stream =
        client.conversations().createConversationResponse(id, Fixtures.request())) {
      for (ResponseEvent event : stream) {
        assertFalse(event.isResponseDone(), event.toString());
        break;
      }
    }
    Thread.sleep(500); // the server notices the broken connection at its next write
    assertEquals(
        1,
        client.conversations().retrieve(id).execute().getMessages().size(),
        "only the user message: the server stopped streaming when the client went away");
  }
}
