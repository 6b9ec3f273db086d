package ai.orq.sdk.benchmarks;

import ai.orq.sdk.model.ConversationPage;
import ai.orq.sdk.model.ConversationWithMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Benchmark 1: time and allocation per call of {@code retrieve} (a conversation with 10 messages)
 * and {@code list} (a page of 100 conversations), SDK against the hand-written OkHttp + Gson
 * baseline, both against a {@link LoopbackHttpServer} replaying bodies recorded from the local
 * server (so the server's cost is a socket write, the same for both). SDK and baseline share one
 * OkHttp client (the SDK's {@code okHttpClient} option), hence one pooled connection and one server
 * thread. A third contender, {@link PlainRetrofit}, runs in the same turns on the same client and
 * is reported against the same baseline rounds. Each operation runs in several forked JVMs ({@link
 * ForkedRounds}).
 */
final class PerCallBenchmark {
  static final String NAME = "1. per-call overhead";
  static final double TARGET = 1.05;
  static final String RETROFIT = "plain Retrofit";

  private PerCallBenchmark() {}

  /** In this JVM: records nothing, starts the forks (each measures both operations), reports. */
  static List<Row> run(Settings settings, ConversationFixtures fixtures) throws Exception {
    Path dir = fixtures.save(Files.createTempDirectory("orq-bench-fixtures"));
    List<Row> rows = new ArrayList<>();
    for (String operation : List.of("retrieve", "list")) {
      List<Harness.Outcome> forks =
          ForkedRounds.run(settings.perCallForks(), settings, List.of(operation, dir.toString()));
      rows.addAll(rows(operation.equals("list") ? "list (100)" : operation, forks));
    }
    return rows;
  }

  /** In a forked JVM: the interleaved rounds of one operation: SDK, plain Retrofit, baseline. */
  static Harness.Outcome measure(
      String operation, Settings settings, ConversationFixtures fixtures, String apiKey)
      throws Exception {
    Map<String, LoopbackHttpServer.Responder> routes = new LinkedHashMap<>();
    byte[] list =
        LoopbackHttpServer.fixedResponse(200, "OK", "application/json", fixtures.listBody());
    byte[] retrieve =
        LoopbackHttpServer.fixedResponse(200, "OK", "application/json", fixtures.retrieveBody());
    routes.put("GET /v2/conversations/", out -> out.write(list));
    routes.put("GET /v2/conversations/" + fixtures.conversationId(), out -> out.write(retrieve));

    OkHttpClient http = new OkHttpClient();
    try (LoopbackHttpServer server = LoopbackHttpServer.start(routes);
        Sdk sdk = new Sdk(server.baseUrl(), apiKey, http)) {
      BaselineCalls baseline = new BaselineCalls(http, server.baseUrl(), apiKey, Sdk.gson());
      PlainRetrofit retrofit = new PlainRetrofit(http, server.baseUrl(), apiKey, Sdk.gson());
      String id = fixtures.conversationId();
      int limit = ConversationFixtures.CONVERSATIONS;
      if (operation.equals("retrieve")) {
        // Same request, same bytes, same classes: the three must produce equal objects.
        ConversationWithMessages a = sdk.retrieve(id);
        ConversationWithMessages b = baseline.retrieve(id);
        check(
            a.equals(b) && a.equals(retrofit.retrieve(id)) && a.getMessages().size() == 10,
            "retrieve: SDK, baseline and plain Retrofit disagree");
        int n = settings.retrieveCallsPerRound();
        return Harness.interleave(
            settings.perCallWarmups(),
            settings.perCallRounds(),
            () -> round(n, () -> sdk.retrieve(id).getMessages().size()),
            () -> round(n, () -> baseline.retrieve(id).getMessages().size()),
            () -> round(n, () -> retrofit.retrieve(id).getMessages().size()));
      }
      ConversationPage p = sdk.list(limit);
      ConversationPage q = baseline.list(limit);
      check(
          p.equals(q) && p.equals(retrofit.list(limit)) && p.getData().size() == limit,
          "list: SDK, baseline and plain Retrofit disagree");
      int m = settings.listCallsPerRound();
      return Harness.interleave(
          settings.perCallWarmups(),
          settings.perCallRounds(),
          () -> round(m, () -> sdk.list(limit).getData().size()),
          () -> round(m, () -> baseline.list(limit).getData().size()),
          () -> round(m, () -> retrofit.list(limit).getData().size()));
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static List<Row> rows(String operation, List<Harness.Outcome> forks) {
    Harness.Outcome o = ForkedRounds.joined(forks);
    List<Row> rows = new ArrayList<>();
    rows.add(
        Row.paired(
            NAME,
            operation + " time per call",
            "µs",
            o,
            "time",
            "<= " + TARGET,
            ratio -> ratio <= TARGET,
            ForkedRounds.perFork(forks, "time")));
    rows.add(
        Row.paired(
            NAME,
            operation + " allocation per call",
            "B/call",
            o,
            "alloc",
            "<= " + TARGET,
            ratio -> ratio <= TARGET,
            "bytes allocated by the calling thread"));
    List<Harness.Outcome> retrofitForks = forks.stream().map(Harness.Outcome::contender).toList();
    String inPlace = ", " + RETROFIT + " in the SDK column";
    rows.add(
        Row.paired(
            NAME,
            operation + " time per call" + inPlace,
            "µs",
            o.contender(),
            "time",
            "reported",
            null,
            ForkedRounds.perFork(retrofitForks, "time") + "; " + sdkOverRetrofit(o, "time")));
    rows.add(
        Row.paired(
            NAME,
            operation + " allocation per call" + inPlace,
            "B/call",
            o.contender(),
            "alloc",
            "reported",
            null,
            sdkOverRetrofit(o, "alloc")));
    return rows;
  }

  /**
   * "SDK / plain Retrofit 1.050 [0.95–1.12]": median [p10–p90] of the pairs SDK, plain Retrofit.
   */
  private static String sdkOverRetrofit(Harness.Outcome o, String metric) {
    Samples ratios = o.sdkAgainstContender().pairedRatios(metric);
    return String.format(
        "SDK / %s %.3f [%.2f–%.2f]",
        RETROFIT, ratios.median(), ratios.percentile(10), ratios.percentile(90));
  }

  /** A call returning something derived from its result, so the JIT cannot drop the work. */
  interface Call {
    int run() throws Exception;
  }

  static int sink;

  private static Map<String, Double> round(int calls, Call call) throws Exception {
    int local = 0;
    long allocated0 = Allocation.currentThread();
    long t0 = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      local += call.run();
    }
    long t1 = System.nanoTime();
    long allocated1 = Allocation.currentThread();
    sink += local;
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("time", (t1 - t0) / 1_000.0 / calls);
    metrics.put("alloc", (double) (allocated1 - allocated0) / calls);
    return metrics;
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
