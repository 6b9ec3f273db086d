package ai.orq.sdk.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sizes and round counts of a run. {@link #full()} is the documented run; {@link #quick()} a smoke test. */
record Settings(
    int retrieveCallsPerRound,
    int listCallsPerRound,
    int perCallWarmups,
    int perCallRounds,
    long streamEvents,
    int streamWarmups,
    int streamRounds,
    long memoryEvents,
    String memoryHeap,
    int concurrentStreams,
    long eventsPerConcurrentStream,
    int concurrencyWarmups,
    int concurrencyRounds) {

  static Settings full() {
    return new Settings(500, 200, 20, 150, 100_000, 5, 30, 1_000_000, "64m", 64, 10_000, 2, 10);
  }

  static Settings quick() {
    return new Settings(50, 20, 1, 2, 2_000, 1, 2, 20_000, "64m", 8, 500, 0, 1);
  }

  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("retrieveCallsPerRound", retrieveCallsPerRound);
    m.put("listCallsPerRound", listCallsPerRound);
    m.put("perCallWarmups", perCallWarmups);
    m.put("perCallRounds", perCallRounds);
    m.put("streamEvents", streamEvents);
    m.put("streamWarmups", streamWarmups);
    m.put("streamRounds", streamRounds);
    m.put("memoryEvents", memoryEvents);
    m.put("memoryHeap", memoryHeap);
    m.put("concurrentStreams", concurrentStreams);
    m.put("eventsPerConcurrentStream", eventsPerConcurrentStream);
    m.put("concurrencyWarmups", concurrencyWarmups);
    m.put("concurrencyRounds", concurrencyRounds);
    return m;
  }
}
