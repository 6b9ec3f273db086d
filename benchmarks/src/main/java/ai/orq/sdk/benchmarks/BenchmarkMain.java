package ai.orq.sdk.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the five benchmarks and reports them. Arguments: {@code --out <json>}, {@code --results-md
 * <md>} (optional), {@code --quick} (tiny sizes, a smoke test), {@code --only 1,3} (a subset).
 *
 * <p>The documented command is {@value #COMMAND}; it builds what is needed and runs this class in a
 * JVM of its own ({@code -Xms1g -Xmx1g}).
 */
public final class BenchmarkMain {
  static final String COMMAND = "mvn -B -q -pl benchmarks -am -DskipTests -Pbench package";
  static final String API_KEY = "bench-key";

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of("target", "benchmark-results.json");
    Path markdown = null;
    boolean quick = false;
    String only = "12345";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--results-md" -> markdown = Path.of(args[++i]);
        case "--quick" -> quick = true;
        case "--only" -> only = args[++i].replace(",", "");
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    Settings settings = quick ? Settings.quick() : Settings.full();
    Report report = run(settings, only);
    report.writeJson(out);
    System.out.println();
    System.out.println(report.table());
    System.out.println("Results: " + out.toAbsolutePath());
    if (markdown != null && !quick && only.equals("12345")) {
      report.writeMarkdown(markdown, COMMAND);
      System.out.println("Table:   " + markdown.toAbsolutePath());
    }
    System.exit(0); // OkHttp keeps idle non-daemon threads for a while; do not wait for them
  }

  static Report run(Settings settings, String only) throws Exception {
    long t0 = System.nanoTime();
    if (!Allocation.supported()) {
      throw new IllegalStateException("this JVM cannot measure per-thread allocation");
    }
    Map<String, String> machine = new java.util.LinkedHashMap<>(SystemInfo.describe());
    machine.put("load average at start (1/5/15 min)", SystemInfo.loadAverage());
    log("machine: " + machine);
    List<Row> rows = new ArrayList<>();
    if (only.contains("1")) {
      log("1/5 per-call overhead: recording fixtures from the local server");
      ConversationFixtures fixtures = ConversationFixtures.record();
      log(
          "1/5 per-call overhead: "
              + settings.perCallForks()
              + " forked JVMs × ("
              + settings.perCallWarmups()
              + " warm-up + "
              + settings.perCallRounds()
              + " measured) rounds per variant and operation");
      rows.addAll(logged(PerCallBenchmark.run(settings, fixtures)));
    }
    if (only.contains("2")) {
      log(
          "2/5 streaming: "
              + settings.streamEvents()
              + " events, "
              + settings.streamForks()
              + " forked JVMs × ("
              + settings.streamWarmups()
              + " warm-up + "
              + settings.streamRounds()
              + " measured) rounds per variant");
      rows.addAll(logged(StreamingBenchmark.run(settings)));
    }
    if (only.contains("3")) {
      log(
          "3/5 memory: "
              + settings.memoryEvents()
              + " events in JVMs with -Xmx"
              + settings.memoryHeap());
      rows.addAll(logged(MemoryBenchmark.run(settings, API_KEY)));
    }
    if (only.contains("4")) {
      log(
          "4/5 concurrency: "
              + settings.concurrentStreams()
              + " streams × "
              + settings.eventsPerConcurrentStream()
              + " events");
      rows.addAll(logged(ConcurrencyBenchmark.run(settings, API_KEY)));
    }
    if (only.contains("5")) {
      log(
          "5/5 cold start: "
              + settings.coldStartRounds()
              + " fresh JVMs per variant, SDK and raw alternating");
      rows.addAll(logged(ColdStartBenchmark.run(settings, ConversationFixtures.record())));
    }
    machine.put("load average at end (1/5/15 min)", SystemInfo.loadAverage());
    double seconds = (System.nanoTime() - t0) / 1e9;
    log(String.format("done in %.0f s", seconds));
    return new Report(rows, machine, settings.describe(), notes(rows), seconds);
  }

  private static List<String> notes(List<Row> rows) {
    List<String> notes = new ArrayList<>();
    for (Row row : rows) {
      if (row.met() != null) {
        notes.add(
            (row.met() ? "MET: " : "MISSED: ")
                + row.benchmark()
                + ", "
                + row.metric()
                + (Double.isNaN(row.ratio()) ? "" : String.format(" (ratio %.3f)", row.ratio()))
                + ", target "
                + row.target());
      }
    }
    return notes;
  }

  private static List<Row> logged(List<Row> rows) {
    for (Row row : rows) {
      log(
          String.format(
              "   %s / %s: SDK %s%s %s",
              row.benchmark(),
              row.metric(),
              Report.format(row.sdk().median(), row.unit()),
              row.baseline() == null
                  ? ""
                  : ", baseline " + Report.format(row.baseline().median(), row.unit()),
              Double.isNaN(row.ratio()) ? "" : String.format("(ratio %.3f)", row.ratio())));
    }
    return rows;
  }

  static void log(String message) {
    System.out.println("[bench] " + message);
    System.out.flush();
  }
}
