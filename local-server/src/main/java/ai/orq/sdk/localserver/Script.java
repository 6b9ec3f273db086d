package ai.orq.sdk.localserver;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/** The scripted responses and errors waiting to be played, first in first out. Thread-safe. */
final class Script {
  private final Deque<ScriptedResponse> responses = new ArrayDeque<>();
  private final Map<Operation, Deque<ScriptedError>> errors = new EnumMap<>(Operation.class);

  synchronized void enqueue(ScriptedResponse response) {
    responses.add(response);
  }

  synchronized void failNext(Operation operation, int times, ScriptedError error) {
    Deque<ScriptedError> queue = errors.computeIfAbsent(operation, o -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(error);
    }
  }

  /** The next scripted response, or null to echo. */
  synchronized ScriptedResponse nextResponse() {
    return responses.poll();
  }

  /** The next error scripted for {@code operation}, or null to run it. */
  synchronized ScriptedError nextError(Operation operation) {
    Deque<ScriptedError> queue = errors.get(operation);
    return queue == null ? null : queue.poll();
  }
}
