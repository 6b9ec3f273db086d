package ai.orq.sdk.benchmarks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this module in a fresh JVM with this JVM's class path and reads back the one
 * line it prints as {@code RESULT <json>}. Fresh JVMs are how the memory probe gets its small heap,
 * and how the interleaved comparisons get several JIT outcomes instead of one (as JMH forks).
 */
final class Jvm {
  private Jvm() {}

  static JsonObject run(
      Class<?> main, List<String> jvmOptions, List<String> args, long timeoutMinutes)
      throws IOException, InterruptedException {
    return run(
        Path.of(System.getProperty("java.home"), "bin", "java"),
        System.getProperty("java.class.path"),
        main,
        jvmOptions,
        args,
        timeoutMinutes);
  }

  /**
   * As {@link #run(Class, List, List, long)}, on the {@code java} launcher and class path given.
   */
  static JsonObject run(
      Path java,
      String classPath,
      Class<?> main,
      List<String> jvmOptions,
      List<String> args,
      long timeoutMinutes)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, main.getName()));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder output = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try {
                output.append(
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                output.append(e);
              }
            },
            "jvm-output");
    reader.start();
    if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      reader.join(10_000);
      return failure(
          main.getSimpleName() + " did not finish in " + timeoutMinutes + " minutes: " + output);
    }
    reader.join(10_000);
    for (String line : output.toString().split("\n", -1)) {
      if (line.startsWith("RESULT ")) {
        return JsonParser.parseString(line.substring(7)).getAsJsonObject();
      }
    }
    return failure(
        main.getSimpleName() + " exited " + process.exitValue() + " without a result: " + output);
  }

  private static JsonObject failure(String message) {
    JsonObject failed = new JsonObject();
    failed.addProperty("completed", false);
    failed.addProperty("error", message);
    return failed;
  }
}
