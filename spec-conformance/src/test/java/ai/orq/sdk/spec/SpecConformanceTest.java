package ai.orq.sdk.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our hand-written spec must agree with orq.ai's own document on everything that travels on the
 * wire. The reference lives outside the project ({@code ../shared/reference/} beside the clone);
 * where it is absent, as in a user's own clone, these tests are skipped and say why. Where we
 * differ on purpose, the difference is listed in {@link #DELIBERATE} with its reason, and must
 * still be there on both sides.
 */
final class SpecConformanceTest {
  private static final String STARTED =
      "POST /v2/conversations/{conversation_id}/responses 200 text/event-stream"
          + " $.data<response.started>.data";

  /** The facts where our spec differs from the reference on purpose: theirs, ours, and why. */
  static final List<Difference> DELIBERATE =
      List.of(
          new Difference(
              STARTED + ".taskId required",
              STARTED + ".taskId optional",
              "taskId is deprecated (the reference marks it so and says it will be replaced;"
                  + " responseId tracks a response): the server still sends it, but a reader that"
                  + " required it would break the day the server drops it"));

  record Difference(String reference, String ours, String why) {}

  private static Set<String> ours;
  private static Set<String> reference;

  @BeforeAll
  static void readBothDocuments() throws Exception {
    Path referenceFile = ReferenceFiles.referenceDocument();
    if (Files.isRegularFile(referenceFile)) {
      ours = WireFacts.of(ReferenceFiles.ourSpec());
      reference = WireFacts.of(referenceFile);
    }
  }

  /** Each test reports itself skipped, with the reason, where the reference is absent. */
  @BeforeEach
  void needsTheReference() {
    assumeTrue(reference != null, ReferenceFiles.absentMessage());
  }

  @Test
  void operationsStatusCodesAndMediaTypesMatch() {
    assertSame(onlyOperations(reference), onlyOperations(ours));
  }

  @Test
  void everyPropertyTypeRequiredFlagAndEnumMatches() {
    Set<String> expected = new TreeSet<>(reference);
    for (Difference difference : DELIBERATE) {
      assertTrue(
          reference.contains(difference.reference()),
          "a deliberate difference the reference no longer has: " + difference);
      assertTrue(
          ours.contains(difference.ours()),
          "a deliberate difference our spec no longer has: " + difference);
      expected.remove(difference.reference());
      expected.add(difference.ours());
    }
    assertSame(expected, ours);
  }

  @Test
  void theComparisonSeesTheWholeWireShape() {
    assertTrue(ours.size() > 400, "only " + ours.size() + " facts: the walk stopped early");
    assertTrue(ours.contains("GET /v2/conversations/ 200 application/json $.has_more required"));
    assertTrue(
        ours.contains(
            "POST /v2/conversations/{conversation_id}/responses 200 text/event-stream"
                + " $.data<part.delta>.data.delta<reasoning>.signature optional"));
    assertTrue(
        ours.contains(
            "GET /v2/conversations/{conversation_id} 200 application/json"
                + " $.messages[].parts[]<tool_result>.tool_call_id required"));
  }

  private static Set<String> onlyOperations(Set<String> facts) {
    Set<String> operations = new TreeSet<>();
    for (String fact : facts) {
      if (!fact.contains(" $")) {
        operations.add(fact);
      }
    }
    return operations;
  }

  private static void assertSame(Set<String> expected, Set<String> actual) {
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    assertTrue(
        missing.isEmpty() && extra.isEmpty(),
        "our spec differs from the reference on the wire.\n  missing from ours:\n    "
            + String.join("\n    ", missing)
            + "\n  only in ours:\n    "
            + String.join("\n    ", extra));
  }
}
