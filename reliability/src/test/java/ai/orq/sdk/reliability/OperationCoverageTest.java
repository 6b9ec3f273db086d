package ai.orq.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.orq.sdk.generated.internal.OperationTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault matrix covers every operation of the table generated from the spec. */
class OperationCoverageTest {
  @Test
  void everyOperationOfTheSpecIsInTheFaultMatrix() {
    assertEquals(
        List.of(),
        uncovered(OperationTable.ROWS),
        "operations of the spec the fault matrix leaves out");
  }

  @Test
  void anOperationTheSpecGainsIsNamedUntilCovered() {
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
        List.of("addReaction (POST v2/conversations/{conversation_id}/reactions)"),
        uncovered(grown));
  }

  /** The rows of {@code table} with no {@link Operation} constant. */
  private static List<String> uncovered(List<OperationTable.Row> table) {
    List<String> uncovered = new ArrayList<>();
    for (OperationTable.Row row : table) {
      if (Operation.of(row) == null) {
        uncovered.add(row.toString());
      }
    }
    return uncovered;
  }
}
