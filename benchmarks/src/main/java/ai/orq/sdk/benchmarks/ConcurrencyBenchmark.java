package ai.orq.sdk.benchmarks;

import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Benchmark 4: many concurrent streams to one host through one client. The SDK runs blocking
 * streams on as many threads; the baseline runs as many OkHttp-SSE event sources on one OkHttp
 * client whose dispatcher allows them all at once.
 *
 * <p>The server sends each stream's first event at once, then holds the rest of that stream until
 * all the round's requests have arrived (or {@value #GATE_SECONDS} s have passed: a client that
 * cannot open them all at once is then measured as it is, and the gate time-outs are counted). So,
 * on a 2-core machine where one stream alone would finish before the last connection is even set
 * up, the figure shows whether the client can carry all streams at once, not how the OS happened to
 * schedule 128 threads. Per stream, the times of its first and last event are kept: "all make
 * progress at once" means every stream had its first event before any stream finished.
 */
final class ConcurrencyBenchmark {
  static final String NAME = "4. concurrency";
  static final int GATE_SECONDS = 10;

  private ConcurrencyBenchmark() {}

  /** One stream's timeline, in nanoseconds since the common start. */
  record Timeline(long first, long last, long events) {}

  static List<Row> run(Settings settings, String apiKey) throws Exception {
    int streams = settings.concurrentStreams();
    RecordedStream recorded = RecordedStream.of(settings.eventsPerConcurrentStream());
    CreateResponseRequest request = StreamingBenchmark.request();
    String requestJson = Sdk.gson().toJson(request);
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(streams);
    dispatcher.setMaxRequestsPerHost(streams);
    OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    ExecutorService threads = Executors.newFixedThreadPool(streams);
    Gate gate = new Gate(streams);
    try (LoopbackHttpServer server =
            LoopbackHttpServer.start(
                Map.of(
                    "POST /v2/conversations/" + StreamingBenchmark.CONVERSATION_ID + "/responses",
                    out -> {
                      recorded.writeHead(out);
                      gate.await();
                      recorded.writeRest(out);
                    }));
        Sdk sdk = new Sdk(server.baseUrl(), apiKey)) {
      BaselineStream baseline = new BaselineStream(http, server.baseUrl(), apiKey, Sdk.gson());
      long expected = recorded.events();
      Harness.Outcome o =
          Harness.interleave(
              settings.concurrencyWarmups(),
              settings.concurrencyRounds(),
              () -> gate.round(() -> summarize(sdkRound(sdk, request, streams, threads, expected))),
              () ->
                  gate.round(
                      () -> summarize(baselineRound(baseline, requestJson, streams, expected))));
      List<Row> rows = new ArrayList<>();
      rows.add(
          Row.paired(
              NAME,
              streams + " streams × " + expected + " events, aggregate",
              "events/s",
              o,
              "rate",
              "reported",
              null,
              "one client, one host, blocking streams on " + streams + " threads"));
      Samples overlap = o.sdk().get("overlap");
      rows.add(
          Row.compared(
              NAME,
              "streams started before the first one finished",
              "count",
              overlap,
              o.baseline().get("overlap"),
              "= " + streams + " in every round",
              overlap.min() == streams,
              null));
      rows.add(
          Row.paired(
              NAME, "slowest time to first event", "ms", o, "maxTtfe", "reported", null, null));
      rows.add(
          Row.paired(
              NAME,
              "server gate time-outs (a stream waited " + GATE_SECONDS + " s for the others)",
              "count",
              o,
              "gateTimeouts",
              "reported",
              null,
              "0 means all requests were open at once"));
      rows.add(asyncRow(sdk, request, streams, expected, gate));
      return rows;
    } finally {
      threads.shutdownNow();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** The async form, once: how many of its streams are running when the first one finishes. */
  private static Row asyncRow(
      Sdk sdk, CreateResponseRequest request, int streams, long expected, Gate gate)
      throws Exception {
    Map<String, Double> m =
        gate.round(
            () ->
                summarize(
                    sdk.asyncStreams(
                        StreamingBenchmark.CONVERSATION_ID, request, streams, expected)));
    double overlap = m.get("overlap");
    return Row.single(
        NAME,
        "async form: streams started before the first one finished",
        "count",
        Row.one(overlap),
        "reported",
        null,
        String.format(
            "createConversationResponseAsync, one run: aggregate %,.0f events/s, %.0f gate"
                + " time-outs",
            m.get("rate"), m.get("gateTimeouts")));
  }

  /** Holds every stream after its first event until the round's streams have all arrived. */
  static final class Gate {
    private final int streams;
    private volatile CountDownLatch arrived;
    private final java.util.concurrent.atomic.AtomicInteger timeouts =
        new java.util.concurrent.atomic.AtomicInteger();

    Gate(int streams) {
      this.streams = streams;
    }

    void await() throws java.io.IOException {
      CountDownLatch latch = arrived;
      latch.countDown();
      try {
        if (!latch.await(GATE_SECONDS, TimeUnit.SECONDS)) {
          timeouts.incrementAndGet();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException();
      }
    }

    /** Runs one round behind a fresh gate and adds the round's gate time-outs to its metrics. */
    Map<String, Double> round(Harness.Round round) throws Exception {
      arrived = new CountDownLatch(streams);
      timeouts.set(0);
      Map<String, Double> m = new LinkedHashMap<>(round.run());
      m.put("gateTimeouts", (double) timeouts.get());
      return m;
    }
  }

  static Map<String, Double> summarize(List<Timeline> timelines) {
    long firstFinish = Long.MAX_VALUE;
    long lastFinish = 0;
    long maxFirst = 0;
    long total = 0;
    for (Timeline t : timelines) {
      firstFinish = Math.min(firstFinish, t.last());
      lastFinish = Math.max(lastFinish, t.last());
      maxFirst = Math.max(maxFirst, t.first());
      total += t.events();
    }
    int overlap = 0;
    for (Timeline t : timelines) {
      if (t.first() <= firstFinish) {
        overlap++;
      }
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("rate", total / (lastFinish / 1e9));
    m.put("overlap", (double) overlap);
    m.put("maxTtfe", maxFirst / 1e6);
    return m;
  }

  private static List<Timeline> sdkRound(
      Sdk sdk, CreateResponseRequest request, int streams, ExecutorService threads, long expected)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(streams);
    CountDownLatch go = new CountDownLatch(1);
    long[] start = new long[1];
    List<Future<Timeline>> futures = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      futures.add(
          threads.submit(
              () -> {
                ready.countDown();
                go.await();
                long first = 0;
                long last = 0;
                long count = 0;
                try (StreamResponse<ResponseEvent> events =
                    sdk.stream(StreamingBenchmark.CONVERSATION_ID, request)) {
                  for (ResponseEvent event : events) {
                    last = System.nanoTime();
                    if (count++ == 0) {
                      first = last;
                    }
                    if (event.getType() == null) {
                      throw new IllegalStateException("event without type");
                    }
                  }
                }
                if (count != expected) {
                  throw new IllegalStateException(
                      "stream delivered " + count + " events, expected " + expected);
                }
                return new Timeline(first - start[0], last - start[0], count);
              }));
    }
    ready.await();
    start[0] = System.nanoTime();
    go.countDown();
    List<Timeline> timelines = new ArrayList<>();
    for (Future<Timeline> f : futures) {
      timelines.add(f.get(5, TimeUnit.MINUTES));
    }
    return timelines;
  }

  private static List<Timeline> baselineRound(
      BaselineStream baseline, String requestJson, int streams, long expected) throws Exception {
    long start = System.nanoTime();
    List<BaselineStream.Run> runs = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      runs.add(baseline.start(StreamingBenchmark.CONVERSATION_ID, requestJson));
    }
    List<Timeline> timelines = new ArrayList<>();
    for (BaselineStream.Run run : runs) {
      run.await(5, TimeUnit.MINUTES);
      if (run.events != expected) {
        throw new IllegalStateException(
            "baseline stream delivered " + run.events + ", expected " + expected);
      }
      timelines.add(
          new Timeline(run.firstEventNanos - start, run.lastEventNanos - start, run.events));
    }
    return timelines;
  }
}
