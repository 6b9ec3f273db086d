package ai.orq.sdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps the harness working: all four benchmarks at tiny sizes ({@link Settings#quick()}), in the
 * test command. The figures of such a run mean nothing; only that every benchmark ran and the
 * report was written.
 */
class BenchmarkSmokeTest {

  @Test
  void allFourBenchmarksRunAndReport() throws Exception {
    Report report = BenchmarkMain.run(Settings.quick(), "1234");
    Path json = Path.of("target", "smoke-results.json");
    report.writeJson(json);
    JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    Set<String> benchmarks = new TreeSet<>();
    root.getAsJsonArray("results")
        .forEach(r -> benchmarks.add(r.getAsJsonObject().get("benchmark").getAsString()));
    assertEquals(
        Set.of(
            PerCallBenchmark.NAME,
            StreamingBenchmark.NAME,
            MemoryBenchmark.NAME,
            ConcurrencyBenchmark.NAME),
        benchmarks);
    String table = report.table();
    assertTrue(table.contains("| 1. per-call overhead | retrieve time per call"), table);
    assertTrue(
        table.contains("| 1. per-call overhead | list (100) allocation per call, plain Retrofit"),
        table);
    assertTrue(
        table.contains("complete (yes/no) | yes |"),
        "the small-heap stream must complete: " + table);
  }

  @Test
  void samplesInterpolatePercentiles() {
    Samples s = new Samples(new double[] {4, 1, 3, 2});
    assertEquals(2.5, s.median());
    assertEquals(1, s.min());
    assertEquals(4, s.max());
    assertEquals(1.3, s.percentile(10), 1e-9);
  }

  @Test
  void recordedStreamHoldsExactlyItsEvents() throws Exception {
    RecordedStream stream = RecordedStream.of(2_345);
    try (LoopbackHttpServer server = StreamingBenchmark.server(stream);
        Sdk sdk = new Sdk(server.baseUrl(), "key")) {
      Map<String, Double> m = StreamingBenchmark.sdkRound(sdk, StreamingBenchmark.request(), 2_345);
      assertTrue(m.get("rate") > 0);
    }
  }
}
