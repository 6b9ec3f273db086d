package ai.orq.sdk.streaming;

import static ai.orq.sdk.streaming.Fixtures.CONVERSATION_ID;
import static ai.orq.sdk.streaming.Fixtures.request;
import static ai.orq.sdk.streaming.LoopbackStreamTest.delta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.model.ResponseEvent;
import java.util.ArrayList;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/**
 * A blocking stream whose reading thread is interrupted reports an interrupt, not an idle timeout.
 */
final class StreamInterruptTest {

  @Test
  void anInterruptedReaderGetsACancel() throws Exception {
    try (LoopbackServer server =
            new LoopbackServer(
                exchange -> {
                  exchange
                      .startEvents()
                      .event(delta(1))
                      .pause(300)
                      .event(delta(2))
                      .pause(300)
                      .event(delta(3))
                      .event("[DONE]")
                      .end();
                });
        OrqClient client = Fixtures.client(server.url());
        StreamResponse<ResponseEvent> stream =
            client.conversations().createConversationResponse(CONVERSATION_ID, request())) {
      Iterator<ResponseEvent> events = stream.iterator();
      events.next();
      Thread.currentThread().interrupt();
      OrqException e;
      try {
        e =
            assertThrows(
                OrqException.class,
                () -> {
                  while (events.hasNext()) {
                    events.next();
                  }
                });
      } finally {
        Thread.interrupted();
      }

      assertInstanceOf(OrqCanceledException.class, e);
      assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
      assertEquals(new ArrayList<>(), server.scriptFailures);
    }
  }
}
