package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.orq.sdk.generated.internal.OperationTable;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The server's {@link Operation}s and its {@link Router} against the table of operations generated
 * from the spec ({@link OperationTable}, read by this test only: the server itself knows nothing of
 * the SDK). Every row must have a constant, a request of the row's method and path must reach that
 * operation, shown by the error scripted for it, and without a scripted error its handler must
 * answer (a 404 for the unknown conversation, a 422 for the empty body), not a 500.
 */
class OperationTest {
  @AutoClose
  private final LocalOrqServer server = LocalOrqServer.builder().apiKey("k").build().start();

  private final Http http = new Http(server);

  @Test
  void everyOperationOfTheSpecHasAConstantAndARoute() throws InterruptedException {
    assertEquals(
        List.of(),
        uncovered(OperationTable.ROWS),
        "operations of the spec the local server does not serve");
  }

  @Test
  void everyConstantIsAnOperationOfTheSpec() {
    Set<String> stale = new TreeSet<>();
    for (Operation operation : Operation.values()) {
      assertSame(operation, Operation.forOperationId(operation.operationId()));
      if (OperationTable.find(operation.operationId()) == null) {
        stale.add(operation.operationId());
      }
    }
    assertEquals(Set.of(), stale, "Operation constants the spec no longer has");
  }

  @Test
  void anOperationTheSpecGainsIsNamedUntilServed() throws InterruptedException {
    List<OperationTable.Row> grown = new ArrayList<>(OperationTable.ROWS);
    grown.add(
        new OperationTable.Row(
            "addReaction",
            "POST",
            "v2/conversations/{conversation_id}/reactions",
            List.of("conversation_id"),
            List.of(),
            "AddReactionRequest",
            "Conversation",
            false));
    assertEquals(
        List.of(
            "addReaction (POST v2/conversations/{conversation_id}/reactions): no Operation"
                + " constant"),
        uncovered(grown));
  }

  /**
   * The rows of {@code table} with no constant, or whose request the router does not lead to it.
   */
  private List<String> uncovered(List<OperationTable.Row> table) throws InterruptedException {
    List<String> uncovered = new ArrayList<>();
    for (OperationTable.Row row : table) {
      Operation operation;
      try {
        operation = Operation.forOperationId(row.operationId);
      } catch (IllegalArgumentException e) {
        uncovered.add(row + ": no Operation constant");
        continue;
      }
      server.failNext(
          operation, 1, ScriptedError.status(418).message("scripted for " + row.operationId));
      HttpResponse<String> response =
          http.send(row.method, row.pathWith("conv_1"), row.bodyType == null ? null : "{}");
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      if (request.operation() != operation || response.statusCode() != 418) {
        uncovered.add(
            row + ": routed to " + request.operation() + ", answered " + response.statusCode());
        continue;
      }
      HttpResponse<String> answer = http.send(row.method, row.pathWith("conv_1"), "{}");
      server.takeRequest(1, TimeUnit.SECONDS);
      if (answer.statusCode() == 500) {
        uncovered.add(row + ": " + answer.body());
      }
    }
    return uncovered;
  }
}
