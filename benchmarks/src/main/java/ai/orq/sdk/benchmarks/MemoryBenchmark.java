package ai.orq.sdk.benchmarks;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 3: a long stream consumed in a JVM with a 64 MiB heap, through the SDK and through the
 * baseline, each in a fresh JVM ({@link MemoryProbe}, started by {@link Jvm}). This JVM serves the
 * stream.
 */
final class MemoryBenchmark {
  static final String NAME = "3. memory";

  /** "Back to where it started": what the stream may leave behind, allowing for GC noise. */
  static final long RETAINED_LIMIT_KIB = 1024;

  private MemoryBenchmark() {}

  static List<Row> run(Settings settings, String apiKey) throws Exception {
    RecordedStream stream = RecordedStream.of(settings.memoryEvents());
    RecordedStream warmup = RecordedStream.of(1_000);
    try (LoopbackHttpServer server =
        LoopbackHttpServer.start(
            Map.of(
                "POST /v2/conversations/" + StreamingBenchmark.CONVERSATION_ID + "/responses",
                    stream::writeTo,
                "POST /v2/conversations/" + MemoryProbe.WARMUP_CONVERSATION_ID + "/responses",
                    warmup::writeTo))) {
      JsonObject sdk = probe("sdk", server.baseUrl(), apiKey, settings);
      JsonObject base = probe("baseline", server.baseUrl(), apiKey, settings);
      return rows(settings, sdk, base);
    }
  }

  private static List<Row> rows(Settings settings, JsonObject sdk, JsonObject base) {
    String heap = "-Xmx" + settings.memoryHeap();
    String events = String.format("%,d", settings.memoryEvents());
    boolean sdkDone = sdk.get("completed").getAsBoolean();
    boolean baseDone = base.get("completed").getAsBoolean();
    List<Row> rows = new ArrayList<>();
    rows.add(
        Row.compared(
            NAME,
            events + " events at " + heap + " complete",
            "yes/no",
            Row.one(sdkDone ? 1 : 0),
            Row.one(baseDone ? 1 : 0),
            "completes",
            sdkDone,
            sdkDone ? null : "SDK: " + sdk.get("error").getAsString()));
    if (!sdkDone || !baseDone) {
      if (!baseDone) {
        rows.add(
            Row.single(
                NAME,
                "baseline failure",
                "text",
                Row.one(0),
                "reported",
                null,
                base.get("error").getAsString()));
      }
      return rows;
    }
    long sdkRetained = kib(sdk, "afterKiB") - kib(sdk, "beforeKiB");
    long baseRetained = kib(base, "afterKiB") - kib(base, "beforeKiB");
    rows.add(
        Row.compared(
            NAME,
            "heap after GC, after the stream",
            "KiB",
            Row.one((double) kib(sdk, "afterKiB")),
            Row.one((double) kib(base, "afterKiB")),
            "reported",
            null,
            "before the stream: SDK "
                + kib(sdk, "beforeKiB")
                + " KiB, baseline "
                + kib(base, "beforeKiB")
                + " KiB; after closing the client: SDK "
                + kib(sdk, "afterCloseKiB")
                + " KiB"));
    rows.add(
        Row.single(
            NAME,
            "heap retained by the stream (after − before)",
            "KiB",
            Row.one((double) sdkRetained),
            "<= " + RETAINED_LIMIT_KIB + " KiB",
            sdkRetained <= RETAINED_LIMIT_KIB,
            "baseline: "
                + baseRetained
                + " KiB; SDK after/before = "
                + String.format("%.3f", (double) kib(sdk, "afterKiB") / kib(sdk, "beforeKiB"))));
    rows.add(
        Row.compared(
            NAME,
            "peak heap during the stream",
            "KiB",
            Row.one((double) kib(sdk, "peakKiB")),
            Row.one((double) kib(base, "peakKiB")),
            "reported",
            null,
            "sum of the heap pools' peaks (an upper bound: pools peak at different moments),"
                + " garbage included"));
    rows.add(
        Row.compared(
            NAME,
            "throughput at " + heap,
            "events/s",
            Row.one(sdk.get("eventsPerSecond").getAsDouble()),
            Row.one(base.get("eventsPerSecond").getAsDouble()),
            "reported",
            null,
            null));
    return rows;
  }

  private static long kib(JsonObject o, String key) {
    return o.get(key).getAsLong();
  }

  /** Runs {@link MemoryProbe} in a new JVM with the small heap and returns its RESULT. */
  static JsonObject probe(String mode, String baseUrl, String apiKey, Settings settings)
      throws IOException, InterruptedException {
    return Jvm.run(
        MemoryProbe.class,
        List.of("-Xmx" + settings.memoryHeap()),
        List.of(mode, baseUrl, apiKey, Long.toString(settings.memoryEvents())),
        4);
  }
}
