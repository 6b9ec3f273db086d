package ai.orq.sdk.benchmarks;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Benchmark 5: a whole process, from the start of its JVM to the first call's result and to the
 * first streamed event, the SDK's ({@link ColdStartSdk}) against the raw stack's ({@link
 * ColdStartRaw}), each run a fresh JVM ({@link ColdStartProgram}), SDK and raw alternating, against
 * one loopback server in this JVM; for the first call, plain Retrofit ({@link ColdStartRetrofit})
 * in the same turns, to tell what the SDK adds from what its stack costs. On a Temurin 25 beside
 * this JVM, the same again with an AOT cache of each program's own training run (JEP 483/514), and
 * the SDK with its cache against the SDK without.
 */
final class ColdStartBenchmark {
  static final String NAME = "5. cold start";
  static final String CONVERSATION_ID = StreamingBenchmark.CONVERSATION_ID;
  static final double TARGET = 1.05;

  /**
   * The phases of a first call, by their keys in a program's result: the SDK's {@code
   * OrqClient.build()}, {@code retrieve(id)} (the generated request) and {@code execute()}, against
   * the raw program's {@code new OkHttpClient()}, request and exchange with Gson's parse.
   */
  private static final Map<String, String> PHASES =
      linked(
          "mainMs", "JVM start to main",
          "clientMs", "the client built",
          "requestMs", "the request built",
          "exchangeMs", "the exchange and the parse");

  private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  private ColdStartBenchmark() {}

  static List<Row> run(Settings settings, ConversationFixtures fixtures) throws Exception {
    RecordedStream stream = RecordedStream.of(1_000);
    String requestJson = Sdk.gson().toJson(StreamingBenchmark.request());
    byte[] retrieve =
        LoopbackHttpServer.fixedResponse(200, "OK", "application/json", fixtures.retrieveBody());
    Map<String, LoopbackHttpServer.Responder> routes = new HashMap<>();
    routes.put("GET /v2/conversations/" + CONVERSATION_ID, out -> out.write(retrieve));
    routes.put("POST /v2/conversations/" + CONVERSATION_ID + "/responses", stream::writeTo);
    List<Row> rows = new ArrayList<>();
    try (LoopbackHttpServer server = LoopbackHttpServer.start(routes)) {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      String classPath = System.getProperty("java.class.path");
      Launch call = new Launch(java, classPath, server.baseUrl(), requestJson, "call", List.of());
      Launch events =
          new Launch(java, classPath, server.baseUrl(), requestJson, "stream", List.of());
      Harness.Outcome first =
          Harness.interleave(
              1,
              settings.coldStartRounds(),
              call.of("sdk")::run,
              call.of("raw")::run,
              call.of("retrofit")::run);
      rows.add(row(first, "first call's result, wall", "wallMs", TARGET));
      rows.add(row(first, "first call's result, CPU", "cpuMs", TARGET));
      rows.add(row(first, "first call's result, classes loaded", "classes", Double.NaN));
      PHASES.forEach(
          (key, phase) ->
              rows.add(
                  Row.paired(
                      NAME,
                      "first call's phase: " + phase,
                      "ms",
                      first,
                      key,
                      "reported",
                      null,
                      "where the time falls; a class both sides need loads in the phase that"
                          + " first uses it")));
      for (String key : List.of("wallMs", "cpuMs")) {
        String metric = key.equals("wallMs") ? "wall" : "CPU";
        rows.add(
            Row.paired(
                NAME,
                "first call's result, " + metric + ", plain Retrofit / raw",
                "ms",
                first.contender(),
                key,
                "reported",
                null,
                "SDK column: the generated interface on plain Retrofit + Gson, the SDK's stack"
                    + " alone"));
        rows.add(
            Row.paired(
                NAME,
                "first call's result, " + metric + ", SDK / plain Retrofit",
                "ms",
                first.sdkAgainstContender(),
                key,
                "reported",
                null,
                "what the SDK adds to its stack's first call; baseline column: plain Retrofit"));
      }
      Harness.Outcome streamed = pairs(settings, events.of("sdk"), events.of("raw"));
      rows.add(row(streamed, "first streamed event, wall", "wallMs", Double.NaN));
      rows.add(row(streamed, "first streamed event, CPU", "cpuMs", Double.NaN));
      if (Files.isExecutable(TEMURIN_25)) {
        rows.addAll(withAotCache(settings, server.baseUrl(), requestJson));
      }
    }
    return rows;
  }

  /** The first call's rows on Temurin 25, each program with the AOT cache of its own training. */
  private static List<Row> withAotCache(Settings settings, String baseUrl, String requestJson)
      throws Exception {
    Path dir = Files.createTempDirectory("orq-bench-aot");
    Path sdkCache = dir.resolve("sdk.aot");
    Path rawCache = dir.resolve("raw.aot");
    String classPath = jarred(System.getProperty("java.class.path"), dir);
    Launch plain = new Launch(TEMURIN_25, classPath, baseUrl, requestJson, "call", List.of());
    plain.train("sdk", sdkCache);
    plain.train("raw", rawCache);
    Launch.Variant sdkCached =
        new Launch(TEMURIN_25, classPath, baseUrl, requestJson, "call", aot(sdkCache)).of("sdk");
    Launch.Variant rawCached =
        new Launch(TEMURIN_25, classPath, baseUrl, requestJson, "call", aot(rawCache)).of("raw");
    Harness.Outcome cached = pairs(settings, sdkCached, rawCached);
    Harness.Outcome bought = pairs(settings, sdkCached, plain.of("sdk"));
    List<Row> rows = new ArrayList<>();
    rows.add(
        row(cached, "first call's result, wall, Temurin 25, AOT cache each", "wallMs", Double.NaN));
    rows.add(
        row(cached, "first call's result, CPU, Temurin 25, AOT cache each", "cpuMs", Double.NaN));
    rows.add(
        Row.paired(
            NAME,
            "first call's result, wall, Temurin 25: SDK with its AOT cache / SDK without",
            "ms",
            bought,
            "wallMs",
            "reported",
            null,
            "what -XX:AOTCache buys an SDK user; baseline column: the SDK without it"));
    deleteTree(dir);
    return rows;
  }

  /**
   * {@code classPath} with each directory in it packed into a jar in {@code dir}: an AOT cache is
   * made and used only on a class path of jars.
   */
  private static String jarred(String classPath, Path dir) throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator, -1)) {
      Path path = Path.of(entry);
      if (!Files.isDirectory(path)) {
        entries.add(entry);
        continue;
      }
      Path jar = dir.resolve("classes-" + entries.size() + ".jar");
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
          Stream<Path> files = Files.walk(path)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          out.putNextEntry(new JarEntry(path.relativize(file).toString().replace('\\', '/')));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
      entries.add(jar.toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Deletes {@code dir} and what it holds (the caches are tens of megabytes). */
  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }

  private static Map<String, String> linked(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static List<String> aot(Path cache) {
    return List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off");
  }

  private static Harness.Outcome pairs(Settings settings, Launch.Variant sdk, Launch.Variant raw)
      throws Exception {
    return Harness.interleave(1, settings.coldStartRounds(), sdk::run, raw::run);
  }

  private static Row row(Harness.Outcome outcome, String metric, String key, double target) {
    String unit = key.equals("classes") ? "classes" : "ms";
    return Double.isNaN(target)
        ? Row.paired(NAME, metric, unit, outcome, key, "reported", null, note(key))
        : Row.paired(NAME, metric, unit, outcome, key, "<= " + target, r -> r <= target, note(key));
  }

  private static String note(String key) {
    return switch (key) {
      case "wallMs" -> "JVM start to the result, fresh JVMs alternating, median of paired ratios";
      case "cpuMs" -> "the process's CPU time (all threads) at the result";
      default -> "classes loaded at the result";
    };
  }

  /** Fresh JVMs on one launcher with one set of options, for one kind of first use. */
  private record Launch(
      Path java,
      String classPath,
      String baseUrl,
      String requestJson,
      String use,
      List<String> options) {

    Variant of(String side) {
      return new Variant(this, side);
    }

    /** A training run that writes the AOT cache of {@code side} (JEP 514's one step). */
    void train(String side, Path cache) throws IOException, InterruptedException {
      List<String> training = new ArrayList<>(options);
      training.add("-XX:AOTCacheOutput=" + cache);
      training.add("-Xlog:aot=off");
      training.add("-Xlog:cds=off");
      new Launch(java, classPath, baseUrl, requestJson, use, training).of(side).run();
      if (!Files.isRegularFile(cache)) {
        throw new IllegalStateException("the training run wrote no AOT cache at " + cache);
      }
    }

    record Variant(Launch launch, String side) {
      Map<String, Double> run() throws IOException, InterruptedException {
        JsonObject result =
            Jvm.run(
                launch.java,
                launch.classPath,
                ColdStartProgram.class,
                launch.options,
                List.of(
                    side,
                    launch.use,
                    launch.baseUrl,
                    launch.requestJson,
                    Long.toString(System.nanoTime())),
                2);
        if (!result.has("wallMs")) {
          throw new IllegalStateException(side + " cold start failed: " + result);
        }
        Map<String, Double> metrics = new HashMap<>();
        for (String key : List.of("wallMs", "cpuMs", "classes")) {
          metrics.put(key, result.get(key).getAsDouble());
        }
        for (String phase : PHASES.keySet()) {
          if (result.has(phase)) {
            metrics.put(phase, result.get(phase).getAsDouble());
          }
        }
        return metrics;
      }
    }
  }
}
