package ai.orq.sdk.benchmarks;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the results as JSON (machine-readable) and as a Markdown table (stdout and RESULTS.md).
 */
final class Report {
  private final List<Row> rows;
  private final Map<String, String> machine;
  private final Map<String, Object> settings;
  private final List<String> notes;
  private final double seconds;
  private final String date =
      OffsetDateTime.now(ZoneOffset.UTC)
          .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));

  Report(
      List<Row> rows,
      Map<String, String> machine,
      Map<String, Object> settings,
      List<String> notes,
      double seconds) {
    this.rows = List.copyOf(rows);
    this.machine = machine;
    this.settings = settings;
    this.notes = List.copyOf(notes);
    this.seconds = seconds;
  }

  void writeJson(Path file) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("date", date);
    root.put("machine", machine);
    root.put("settings", settings);
    root.put("harnessSeconds", round(seconds));
    List<Map<String, Object>> results = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("benchmark", row.benchmark());
      r.put("metric", row.metric());
      r.put("unit", row.unit());
      r.put("sdk", samples(row.sdk()));
      if (row.baseline() != null) {
        r.put("baseline", samples(row.baseline()));
      }
      if (!Double.isNaN(row.ratio())) {
        r.put("ratio", round(row.ratio()));
      }
      if (row.ratios() != null) {
        r.put("pairedRatios", samples(row.ratios()));
        r.put("ratioOfMedians", round(row.sdk().median() / row.baseline().median()));
      }
      r.put("target", row.target());
      r.put("met", row.met());
      if (row.note() != null) {
        r.put("note", row.note());
      }
      results.add(r);
    }
    root.put("results", results);
    root.put("notes", notes);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(
        file,
        new GsonBuilder()
                .setPrettyPrinting()
                .serializeNulls()
                .disableHtmlEscaping()
                .create()
                .toJson(root)
            + "\n",
        StandardCharsets.UTF_8);
  }

  void writeMarkdown(Path file, String command) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results\n\n");
    md.append("Written by the benchmark harness (`benchmarks/`), last run ")
        .append(date)
        .append(".\n\n");
    md.append("Command: `")
        .append(command)
        .append("` (harness time ")
        .append(String.format("%.0f s", seconds))
        .append(").\n\n");
    md.append("| machine | |\n|---|---|\n");
    machine.forEach(
        (k, v) ->
            md.append("| ").append(k).append(" | ").append(v.replace("|", "/")).append(" |\n"));
    md.append("\n").append(table()).append("\n");
    md.append(LEGEND).append("\n\n");
    md.append("## Targets\n\n");
    for (String note : notes) {
      md.append("- ").append(note).append("\n");
    }
    md.append("\n## Details\n\n");
    for (Row row : rows) {
      if (row.note() != null) {
        md.append("- ")
            .append(row.benchmark())
            .append(", ")
            .append(row.metric())
            .append(": ")
            .append(row.note())
            .append("\n");
      }
    }
    md.append(
        "\n"
            + "Machine-readable: `benchmarks/target/benchmark-results.json` (every round's value,"
            + " in run order, and the paired ratios). How to read these figures:"
            + " [README.md](README.md).\n");
    Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
  }

  static final String LEGEND =
      "SDK and baseline cells: median over the measured rounds [min–max]. SDK / baseline: SDK and"
          + " baseline rounds alternate (SDK first, then baseline first, ...); the ratio is the"
          + " median over pairs of adjacent rounds of SDK value / baseline value [p10–p90 of those"
          + " pair ratios]; for a single measurement, the plain ratio. Rows marked \"plain Retrofit"
          + " in the SDK column\" have the generated Retrofit interface, used directly, in place of"
          + " the SDK, against the same baseline rounds (their details give SDK / plain Retrofit)."
          + " Time and memory: lower is better; events/s: higher is better.";

  /** The readable table, Markdown-formatted. */
  String table() {
    StringBuilder t = new StringBuilder();
    t.append("| benchmark | metric | SDK | baseline | SDK / baseline | target | met |\n");
    t.append("|---|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      t.append("| ")
          .append(row.benchmark())
          .append(" | ")
          .append(row.metric())
          .append(" (")
          .append(row.unit())
          .append(")")
          .append(" | ")
          .append(cell(row.sdk(), row.unit()))
          .append(" | ")
          .append(row.baseline() == null ? "—" : cell(row.baseline(), row.unit()))
          .append(" | ")
          .append(ratioCell(row))
          .append(" | ")
          .append(row.target())
          .append(" | ")
          .append(row.met() == null ? "—" : row.met() ? "**yes**" : "**NO**")
          .append(" |\n");
    }
    return t.toString();
  }

  private static String ratioCell(Row row) {
    if (Double.isNaN(row.ratio())) {
      return "—";
    }
    String ratio = String.format("%.3f", row.ratio());
    if (row.ratios() == null) {
      return ratio;
    }
    return String.format(
        "%s [%.2f–%.2f]", ratio, row.ratios().percentile(10), row.ratios().percentile(90));
  }

  private static String cell(Samples s, String unit) {
    if (s.count() == 1) {
      return format(s.median(), unit);
    }
    return format(s.median(), unit)
        + " ["
        + format(s.min(), unit)
        + "–"
        + format(s.max(), unit)
        + "]";
  }

  static String format(double value, String unit) {
    return switch (unit) {
      case "yes/no" -> value != 0 ? "yes" : "no";
      case "events/s", "B/call", "KiB", "count" -> String.format("%,.0f", value);
      default -> value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    };
  }

  private static Map<String, Object> samples(Samples s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("median", round(s.median()));
    m.put("min", round(s.min()));
    m.put("max", round(s.max()));
    m.put("p10", round(s.percentile(10)));
    m.put("p90", round(s.percentile(90)));
    m.put("rounds", s.count());
    List<Double> values = new ArrayList<>();
    for (double v : s.values()) {
      values.add(round(v));
    }
    m.put("valuesInRunOrder", values);
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
