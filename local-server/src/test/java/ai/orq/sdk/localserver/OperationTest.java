package ai.orq.sdk.localserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OperationTest {
  @Test
  @SuppressWarnings("unchecked")
  void theOperationIdsAreTheSpecs() {
    Set<String> spec = new TreeSet<>();
    Map<String, Object> paths = (Map<String, Object>) SpecSchemas.spec().get("paths");
    for (Object path : paths.values()) {
      for (Object operation : ((Map<String, Object>) path).values()) {
        if (operation instanceof Map && ((Map<String, Object>) operation).containsKey("operationId")) {
          spec.add((String) ((Map<String, Object>) operation).get("operationId"));
        }
      }
    }
    Set<String> ours = new TreeSet<>();
    for (Operation operation : Operation.values()) {
      ours.add(operation.operationId());
      assertSame(operation, Operation.forOperationId(operation.operationId()));
    }
    assertEquals(spec, ours);
  }
}
