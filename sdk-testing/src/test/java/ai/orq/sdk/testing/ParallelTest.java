package ai.orq.sdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.ScriptedResponse;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.streaming.ResponseAccumulator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Tests of one class running at the same time (JUnit's parallel mode, see
 * junit-platform.properties) each get their own server on their own port, with their own script and
 * requests.
 */
@OrqLocalServerTest
@Execution(ExecutionMode.CONCURRENT)
class ParallelTest {
  private static final int TESTS = 3;

  /** Every test waits here until all are running: it times out unless they run at once. */
  private static final CyclicBarrier ALL_RUNNING = new CyclicBarrier(TESTS);

  private static final Set<String> BASE_URLS = ConcurrentHashMap.newKeySet();

  @RepeatedTest(TESTS)
  void eachConcurrentTestHasItsOwnServer(LocalOrqServer server, OrqClient client) throws Exception {
    String mine = server.baseUrl();
    BASE_URLS.add(mine);
    server.enqueue(ScriptedResponse.text("for ", mine));
    ALL_RUNNING.await(20, TimeUnit.SECONDS);

    String id =
        client
            .conversations()
            .create(CreateConversationRequest.builder().projectId("p").build())
            .execute()
            .getId();
    String text =
        ResponseAccumulator.assemble(
                client
                    .conversations()
                    .createConversationResponse(
                        id,
                        CreateResponseRequest.builder()
                            .model("openai/gpt-4o")
                            .message(Messages.userText("who?"))
                            .build()))
            .text();

    assertEquals("for " + mine, text, "this test's own script");
    assertEquals(1, server.storedConversations().size(), "only this test's conversation");
    assertEquals("/v2/conversations", server.takeRequest(1, TimeUnit.SECONDS).path());
    server.takeRequest(1, TimeUnit.SECONDS);
    assertNull(server.takeRequest(10, TimeUnit.MILLISECONDS), "only this test's requests");
  }

  @AfterAll
  static void everyTestHadADifferentPort() {
    assertEquals(TESTS, BASE_URLS.size(), BASE_URLS.toString());
  }
}
