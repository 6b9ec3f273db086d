package ai.orq.sdk.benchmarks;

import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import com.google.gson.Gson;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Benchmark 3, the part that runs in a JVM of its own with a small heap (the parent starts it with
 * {@code -Xmx64m}): measures used heap after GC, streams the long recorded stream once through the
 * SDK or through the baseline, measures again, and prints one line {@code RESULT <json>}. A warm-up
 * stream first loads the classes and fills the pools that live for the whole client, so "before"
 * and "after" differ only by what the long stream left behind.
 *
 * <p>Arguments: {@code sdk|baseline <baseUrl> <apiKey> <events>}.
 */
public final class MemoryProbe {
  static final String WARMUP_CONVERSATION_ID = "conv_01KB2Y8Q4ZJ6N3V7W5X9R0WARM";

  private MemoryProbe() {}

  public static void main(String[] args) {
    String mode = args[0];
    String baseUrl = args[1];
    String apiKey = args[2];
    long events = Long.parseLong(args[3]);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("mode", mode);
    result.put("maxHeapKiB", Runtime.getRuntime().maxMemory() / 1024);
    try {
      run(mode, baseUrl, apiKey, events, result);
      result.put("completed", true);
    } catch (Throwable t) { // OutOfMemoryError included: that is the finding
      result.put("completed", false);
      result.put("error", t.toString());
    }
    System.out.println("RESULT " + new Gson().toJson(result));
    System.out.flush();
    System.exit(0);
  }

  private static void run(
      String mode, String baseUrl, String apiKey, long events, Map<String, Object> result)
      throws Exception {
    CreateResponseRequest request = StreamingBenchmark.request();
    Gson gson = Sdk.gson();
    if (mode.equals("sdk")) {
      try (Sdk sdk = new Sdk(baseUrl, apiKey)) {
        measure(result, events, id -> count(sdk.stream(id, request)));
      }
    } else {
      OkHttpClient http = new OkHttpClient();
      BaselineStream baseline = new BaselineStream(http, baseUrl, apiKey, gson);
      String json = gson.toJson(request);
      measure(result, events, id -> baseline.start(id, json).await(3, TimeUnit.MINUTES).events);
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    result.put("afterCloseKiB", usedAfterGc() / 1024);
  }

  interface Streamer {
    long stream(String conversationId) throws Exception;
  }

  private static void measure(Map<String, Object> result, long events, Streamer streamer)
      throws Exception {
    for (int i = 0; i < 3; i++) {
      streamer.stream(WARMUP_CONVERSATION_ID);
    }
    long before = usedAfterGc();
    resetPeaks();
    long t0 = System.nanoTime();
    long count = streamer.stream(StreamingBenchmark.CONVERSATION_ID);
    long t1 = System.nanoTime();
    long peak = peakHeap();
    long after = usedAfterGc();
    if (count != events) {
      throw new IllegalStateException("received " + count + " events, expected " + events);
    }
    result.put("events", count);
    result.put("eventsPerSecond", count / ((t1 - t0) / 1e9));
    result.put("beforeKiB", before / 1024);
    result.put("afterKiB", after / 1024);
    result.put("peakKiB", peak / 1024);
  }

  private static long count(StreamResponse<ResponseEvent> stream) {
    long n = 0;
    try (stream) {
      for (ResponseEvent event : stream) {
        if (event.getType() != null) {
          n++;
        }
      }
    }
    return n;
  }

  /** Used heap after full collections, the lowest of several readings. */
  static long usedAfterGc() throws InterruptedException {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(50);
      min = Math.min(min, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return min;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
