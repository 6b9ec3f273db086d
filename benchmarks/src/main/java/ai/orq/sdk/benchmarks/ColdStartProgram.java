package ai.orq.sdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * A whole process for the cold-start benchmark: one first use, then its figures, then exit.
 * Arguments: {@code sdk|retrofit|raw}, {@code call|stream} ({@code retrofit}: call only), the
 * server's base URL, the request JSON of a stream, and the parent's {@code System.nanoTime()} just
 * before it started this JVM (one clock on Linux for every process). The SDK, plain Retrofit and
 * the raw code live in classes of their own, so a raw process never loads a class of the SDK.
 */
final class ColdStartProgram {
  private static long mainStarted;
  private static long clientBuilt;
  private static long requestBuilt;

  private ColdStartProgram() {}

  /** Called by a side of a first call once its client is built. */
  static void clientBuilt() {
    clientBuilt = System.nanoTime();
  }

  /** Called by a side of a first call once the request is built, before it is sent. */
  static void requestBuilt() {
    requestBuilt = System.nanoTime();
  }

  public static void main(String[] args) throws Exception {
    mainStarted = System.nanoTime();
    String baseUrl = args[2];
    String requestJson = args[3];
    long started = Long.parseLong(args[4]);
    boolean stream = args[1].equals("stream");
    String result =
        switch (args[0]) {
          case "sdk" -> stream ? ColdStartSdk.firstEvent(baseUrl) : ColdStartSdk.retrieve(baseUrl);
          case "retrofit" -> ColdStartRetrofit.retrieve(baseUrl);
          case "raw" ->
              stream
                  ? ColdStartRaw.firstEvent(baseUrl, requestJson)
                  : ColdStartRaw.retrieve(baseUrl);
          default -> throw new IllegalArgumentException("no such side: " + args[0]);
        };
    long done = System.nanoTime();
    Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    System.out.println(
        "RESULT {\"wallMs\":"
            + (done - started) / 1e6
            + ",\"cpuMs\":"
            + cpu.toNanos() / 1e6
            + ",\"classes\":"
            + classes
            + ",\"resultChars\":"
            + result.length()
            + phases(started, done)
            + "}");
    System.exit(0); // both variants alike: no wait for OkHttp's idle threads
  }

  /** The phases of a first call whose side marked them, as more JSON properties; else none. */
  private static String phases(long started, long done) {
    if (clientBuilt == 0 || requestBuilt == 0) {
      return "";
    }
    return ",\"mainMs\":"
        + (mainStarted - started) / 1e6
        + ",\"clientMs\":"
        + (clientBuilt - mainStarted) / 1e6
        + ",\"requestMs\":"
        + (requestBuilt - clientBuilt) / 1e6
        + ",\"exchangeMs\":"
        + (done - requestBuilt) / 1e6;
  }
}
