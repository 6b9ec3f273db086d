package ai.orq.sdk.benchmarks;

import ai.orq.sdk.model.ConversationPage;
import ai.orq.sdk.model.ConversationWithMessages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Benchmark 1: time and allocation per call of {@code retrieve} (a conversation with 10 messages)
 * and {@code list} (a page of 100 conversations), SDK against the hand-written OkHttp + Gson
 * baseline, both against a {@link LoopbackHttpServer} replaying bodies recorded from the local
 * server (so the server's cost is a socket write, the same for both).
 */
final class PerCallBenchmark {
  static final String NAME = "1. per-call overhead";
  static final double TARGET = 1.10;

  private PerCallBenchmark() {}

  static List<Row> run(Settings settings, ConversationFixtures fixtures, String apiKey) throws Exception {
    Map<String, LoopbackHttpServer.Responder> routes = new LinkedHashMap<>();
    byte[] list = LoopbackHttpServer.fixedResponse(200, "OK", "application/json", fixtures.listBody());
    byte[] retrieve = LoopbackHttpServer.fixedResponse(200, "OK", "application/json", fixtures.retrieveBody());
    routes.put("GET /v2/conversations/", out -> out.write(list));
    routes.put("GET /v2/conversations/" + fixtures.conversationId(), out -> out.write(retrieve));

    List<Row> rows = new ArrayList<>();
    OkHttpClient http = new OkHttpClient();
    try (LoopbackHttpServer server = LoopbackHttpServer.start(routes);
        Sdk sdk = new Sdk(server.baseUrl(), apiKey, http)) {
      BaselineCalls baseline = new BaselineCalls(http, server.baseUrl(), apiKey, Sdk.gson());
      String id = fixtures.conversationId();
      int limit = ConversationFixtures.CONVERSATIONS;

      // Same request, same bytes, same classes: the two must produce equal objects.
      ConversationWithMessages a = sdk.retrieve(id);
      ConversationWithMessages b = baseline.retrieve(id);
      check(a.equals(b) && a.getMessages().size() == 10, "retrieve: SDK and baseline disagree");
      ConversationPage p = sdk.list(limit);
      ConversationPage q = baseline.list(limit);
      check(p.equals(q) && p.getData().size() == limit, "list: SDK and baseline disagree");

      int n = settings.retrieveCallsPerRound();
      Harness.Outcome r = Harness.interleave(settings.perCallWarmups(), settings.perCallRounds(),
          () -> round(n, () -> sdk.retrieve(id).getMessages().size()),
          () -> round(n, () -> baseline.retrieve(id).getMessages().size()));
      rows.addAll(rows("retrieve", r));

      int m = settings.listCallsPerRound();
      Harness.Outcome l = Harness.interleave(settings.perCallWarmups(), settings.perCallRounds(),
          () -> round(m, () -> sdk.list(limit).getData().size()),
          () -> round(m, () -> baseline.list(limit).getData().size()));
      rows.addAll(rows("list (100)", l));
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    return rows;
  }

  private static List<Row> rows(String operation, Harness.Outcome o) {
    List<Row> rows = new ArrayList<>();
    rows.add(Row.paired(NAME, operation + " time per call", "µs", o, "time", "<= " + TARGET,
        ratio -> ratio <= TARGET, null));
    rows.add(Row.paired(NAME, operation + " allocation per call", "B/call", o, "alloc", "reported", null,
        "bytes allocated by the calling thread"));
    return rows;
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
