package ai.orq.sdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * A whole process for the cold-start benchmark: one first use, then its figures, then exit.
 * Arguments: {@code sdk|raw}, {@code call|stream}, the server's base URL, the request JSON of a
 * stream, and the parent's {@code System.nanoTime()} just before it started this JVM (one clock on
 * Linux for every process). The SDK and the raw code live in classes of their own, so a raw process
 * never loads a class of the SDK.
 */
final class ColdStartProgram {
  private ColdStartProgram() {}

  public static void main(String[] args) throws Exception {
    boolean sdk = args[0].equals("sdk");
    boolean stream = args[1].equals("stream");
    String baseUrl = args[2];
    String requestJson = args[3];
    long started = Long.parseLong(args[4]);
    String result;
    if (stream) {
      result =
          sdk ? ColdStartSdk.firstEvent(baseUrl) : ColdStartRaw.firstEvent(baseUrl, requestJson);
    } else {
      result = sdk ? ColdStartSdk.retrieve(baseUrl) : ColdStartRaw.retrieve(baseUrl);
    }
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
            + "}");
    System.exit(0); // both variants alike: no wait for OkHttp's idle threads
  }
}
