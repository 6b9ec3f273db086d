package ai.orq.sdk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The machine a run happened on: JVM, CPU model, cores, memory, OS. */
final class SystemInfo {
  private SystemInfo() {}

  static Map<String, String> describe() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("java", javaVersion());
    info.put("cpu", cpuModel());
    info.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    info.put("memory", memTotal());
    info.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " ("
            + System.getProperty("os.arch")
            + ")");
    return info;
  }

  /** The output of {@code java -version} for the running JVM, on one line. */
  static String javaVersion() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    try {
      Process process =
          new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(30, TimeUnit.SECONDS);
      return String.join(" | ", out.strip().lines().toList());
    } catch (IOException e) {
      return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return System.getProperty("java.runtime.version");
    }
  }

  /** The 1-, 5- and 15-minute load averages (other work on the machine disturbs the figures). */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+", -1);
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    return firstValue(Path.of("/proc/cpuinfo"), "model name", System.getProperty("os.arch"));
  }

  private static String memTotal() {
    String kb = firstValue(Path.of("/proc/meminfo"), "MemTotal", null);
    if (kb == null) {
      return "unknown";
    }
    long kib = Long.parseLong(kb.replaceAll("[^0-9]", ""));
    return String.format("%.1f GiB", kib / 1024.0 / 1024.0);
  }

  private static String firstValue(Path file, String key, String fallback) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (String line : lines) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return fallback;
  }
}
