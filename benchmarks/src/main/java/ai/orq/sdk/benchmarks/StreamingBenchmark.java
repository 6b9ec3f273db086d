package ai.orq.sdk.benchmarks;

import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.TextPart;
import ai.orq.sdk.model.UserMessage;
import ai.orq.sdk.model.UserRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Benchmark 2: events per second and time to first event through the SDK's blocking stream, against
 * raw OkHttp-SSE plus a Gson parse of each event, on the same recorded stream.
 */
final class StreamingBenchmark {
  static final String NAME = "2. streaming";
  static final double TARGET = 1.20;
  static final double ALLOCATION_TARGET = 0.4;
  static final String CONVERSATION_ID = "conv_01KB2Y8Q4ZJ6N3V7W5X9R0T1BE";

  private StreamingBenchmark() {}

  static CreateResponseRequest request() {
    return CreateResponseRequest.builder()
        .message(
            UserMessage.builder()
                .role(UserRole.USER)
                .addMessagePart(
                    TextPart.builder().text("Tell me everything, word by word.").build())
                .build())
        .model("openai/gpt-4o")
        .build();
  }

  /** Routes {@code POST .../responses} of {@link #CONVERSATION_ID} to the recorded stream. */
  static LoopbackHttpServer server(RecordedStream stream) throws Exception {
    return LoopbackHttpServer.start(
        Map.of("POST /v2/conversations/" + CONVERSATION_ID + "/responses", stream::writeTo));
  }

  /** In this JVM: starts the forks and reports their joined rounds. */
  static List<Row> run(Settings settings) throws Exception {
    List<Harness.Outcome> forks =
        ForkedRounds.run(settings.streamForks(), settings, List.of("stream"));
    Harness.Outcome o = ForkedRounds.joined(forks);
    RecordedStream recorded = RecordedStream.of(settings.streamEvents());
    String mib = String.format("%.1f MiB", recorded.wireBytes() / 1048576.0);
    List<Row> rows = new ArrayList<>();
    rows.add(
        Row.paired(
            NAME,
            "throughput, " + recorded.events() + " events",
            "events/s",
            o,
            "rate",
            ">= " + TARGET,
            ratio -> ratio >= TARGET,
            "same recorded stream ("
                + mib
                + " on the wire); "
                + ForkedRounds.perFork(forks, "rate")));
    rows.add(
        Row.paired(
            NAME,
            "allocation per event, " + recorded.events() + " events",
            "B/event",
            o,
            "alloc",
            "<= " + ALLOCATION_TARGET,
            ratio -> ratio <= ALLOCATION_TARGET,
            "bytes allocated by the thread that reads the stream, divided by the events; all but"
                + " two events are part.delta"));
    rows.add(
        Row.paired(
            NAME,
            "time to first event",
            "ms",
            o,
            "ttfe",
            "reported",
            null,
            "from the call to the first parsed event, pooled connection"));
    return rows;
  }

  /**
   * In a forked JVM: the interleaved rounds, SDK stream against OkHttp-SSE, one shared OkHttp
   * client.
   */
  static Harness.Outcome measure(Settings settings, String apiKey) throws Exception {
    RecordedStream recorded = RecordedStream.of(settings.streamEvents());
    CreateResponseRequest request = request();
    String requestJson = Sdk.gson().toJson(request);
    OkHttpClient http = new OkHttpClient();
    try (LoopbackHttpServer server = server(recorded);
        Sdk sdk = new Sdk(server.baseUrl(), apiKey, http)) {
      BaselineStream baseline = new BaselineStream(http, server.baseUrl(), apiKey, Sdk.gson());
      long expected = recorded.events();
      return Harness.interleave(
          settings.streamWarmups(),
          settings.streamRounds(),
          () -> sdkRound(sdk, request, expected),
          () -> baselineRound(baseline, requestJson, expected));
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  static int sink;

  static Map<String, Double> sdkRound(Sdk sdk, CreateResponseRequest request, long expected) {
    long count = 0;
    long first = 0;
    int local = 0;
    long allocated = Allocation.currentThread();
    long t0 = System.nanoTime();
    try (StreamResponse<ResponseEvent> events = sdk.stream(CONVERSATION_ID, request)) {
      for (ResponseEvent event : events) {
        local += event.getType().asString().length();
        if (count++ == 0) {
          first = System.nanoTime();
        }
      }
    }
    long t1 = System.nanoTime();
    allocated = Allocation.currentThread() - allocated;
    sink += local;
    if (count != expected) {
      throw new IllegalStateException(
          "SDK stream delivered " + count + " events, expected " + expected);
    }
    return metrics(count, t0, first, t1, allocated);
  }

  static Map<String, Double> baselineRound(
      BaselineStream baseline, String requestJson, long expected) throws Exception {
    BaselineStream.Run run =
        baseline.start(CONVERSATION_ID, requestJson).await(5, TimeUnit.MINUTES);
    long t1 = System.nanoTime();
    sink += run.sink;
    if (run.events != expected) {
      throw new IllegalStateException(
          "baseline delivered " + run.events + " events, expected " + expected);
    }
    return metrics(run.events, run.startNanos, run.firstEventNanos, t1, run.allocatedBytes);
  }

  private static Map<String, Double> metrics(
      long count, long t0, long first, long t1, long allocated) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("rate", count / ((t1 - t0) / 1e9));
    m.put("ttfe", (first - t0) / 1e6);
    m.put("alloc", (double) allocated / count);
    return m;
  }
}
