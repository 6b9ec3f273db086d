package ai.orq.sdk.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sizes and round counts of a run. {@link #full()} is the documented run; {@link #quick()} a smoke
 * test. Benchmarks 1 and 2 run in {@code forks} fresh JVMs each (as JMH forks), every fork with its
 * own warm-up and its interleaved rounds, so one JVM's JIT outcome cannot decide the ratio.
 */
record Settings(
    String name,
    int retrieveCallsPerRound,
    int listCallsPerRound,
    int perCallForks,
    int perCallWarmups,
    int perCallRounds,
    long streamEvents,
    int streamForks,
    int streamWarmups,
    int streamRounds,
    long memoryEvents,
    String memoryHeap,
    int concurrentStreams,
    long eventsPerConcurrentStream,
    int concurrencyWarmups,
    int concurrencyRounds,
    int coldStartRounds) {

  /** Heap of the forked JVMs of benchmarks 1 and 2, as the benchmark JVM's own. */
  static final String FORK_HEAP = "1g";

  static Settings full() {
    return new Settings(
        "full", 500, 200, 3, 20, 50, 100_000, 3, 4, 10, 1_000_000, "64m", 64, 10_000, 2, 10, 15);
  }

  static Settings quick() {
    return new Settings("quick", 50, 20, 1, 1, 2, 2_000, 1, 1, 2, 20_000, "64m", 8, 500, 0, 1, 1);
  }

  static Settings named(String name) {
    return name.equals("quick") ? quick() : full();
  }

  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("retrieveCallsPerRound", retrieveCallsPerRound);
    m.put("listCallsPerRound", listCallsPerRound);
    m.put("perCallForks", perCallForks);
    m.put("perCallWarmupsPerFork", perCallWarmups);
    m.put("perCallRoundsPerFork", perCallRounds);
    m.put("streamEvents", streamEvents);
    m.put("streamForks", streamForks);
    m.put("streamWarmupsPerFork", streamWarmups);
    m.put("streamRoundsPerFork", streamRounds);
    m.put("memoryEvents", memoryEvents);
    m.put("memoryHeap", memoryHeap);
    m.put("concurrentStreams", concurrentStreams);
    m.put("eventsPerConcurrentStream", eventsPerConcurrentStream);
    m.put("concurrencyWarmups", concurrencyWarmups);
    m.put("concurrencyRounds", concurrencyRounds);
    m.put("coldStartRounds", coldStartRounds);
    m.put("forkHeap", FORK_HEAP);
    return m;
  }
}
