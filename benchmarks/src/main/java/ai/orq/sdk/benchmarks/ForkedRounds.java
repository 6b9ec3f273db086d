package ai.orq.sdk.benchmarks;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of benchmarks 1 and 2 that runs in a fresh JVM: warm-up and interleaved rounds of one
 * comparison, printed as {@code RESULT {"sdk": [rounds], "baseline": [rounds], "contender":
 * [rounds]}} (an empty contender list when the comparison has none). The parent ({@link #run})
 * starts the forks one after another and joins their rounds, keeping pairs intact.
 *
 * <p>Arguments: {@code <settings name> retrieve|list <fixtures dir>} or {@code <settings name>
 * stream}.
 */
public final class ForkedRounds {
  private static final Type ROUNDS = new TypeToken<List<Map<String, Double>>>() {}.getType();

  private ForkedRounds() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.named(args[0]);
    String comparison = args[1];
    Harness.Outcome outcome =
        comparison.equals("stream")
            ? StreamingBenchmark.measure(settings, BenchmarkMain.API_KEY)
            : PerCallBenchmark.measure(
                comparison,
                settings,
                ConversationFixtures.load(Path.of(args[2])),
                BenchmarkMain.API_KEY);
    JsonObject result = new JsonObject();
    Gson gson = new Gson();
    result.add("sdk", gson.toJsonTree(outcome.sdkRounds()));
    result.add("baseline", gson.toJsonTree(outcome.baselineRounds()));
    result.add("contender", gson.toJsonTree(outcome.contenderRounds()));
    System.out.println("RESULT " + result);
    System.out.flush();
    System.exit(0); // OkHttp's idle threads would keep the JVM a while
  }

  /**
   * Runs the comparison in {@code forks} fresh JVMs; returns the joined rounds and each fork's own.
   */
  static List<Harness.Outcome> run(int forks, Settings settings, List<String> comparison)
      throws Exception {
    List<Harness.Outcome> outcomes = new ArrayList<>();
    Gson gson = new Gson();
    for (int i = 0; i < forks; i++) {
      List<String> args = new ArrayList<>();
      args.add(settings.name());
      args.addAll(comparison);
      JsonObject result =
          Jvm.run(
              ForkedRounds.class,
              List.of(
                  "-Xms" + Settings.FORK_HEAP, "-Xmx" + Settings.FORK_HEAP, "-XX:+AlwaysPreTouch"),
              args,
              10);
      if (!result.has("sdk")) {
        throw new IllegalStateException(
            "fork "
                + (i + 1)
                + " of "
                + comparison
                + " failed: "
                + result.get("error").getAsString());
      }
      outcomes.add(
          new Harness.Outcome(
              gson.fromJson(result.get("sdk"), ROUNDS),
              gson.fromJson(result.get("baseline"), ROUNDS),
              gson.fromJson(result.get("contender"), ROUNDS)));
    }
    return outcomes;
  }

  /** All forks' rounds in one outcome; pair i of each fork stays a pair. */
  static Harness.Outcome joined(List<Harness.Outcome> forks) {
    List<Map<String, Double>> sdk = new ArrayList<>();
    List<Map<String, Double>> baseline = new ArrayList<>();
    List<Map<String, Double>> contender = new ArrayList<>();
    for (Harness.Outcome fork : forks) {
      sdk.addAll(fork.sdkRounds());
      baseline.addAll(fork.baselineRounds());
      contender.addAll(fork.contenderRounds());
    }
    return new Harness.Outcome(sdk, baseline, contender);
  }

  /** "per fork: 0.98, 1.01, 1.03": each fork's median paired ratio of {@code metric}. */
  static String perFork(List<Harness.Outcome> forks, String metric) {
    List<String> medians = new ArrayList<>();
    for (Harness.Outcome fork : forks) {
      medians.add(String.format("%.3f", fork.pairedRatios(metric).median()));
    }
    return "median ratio per fork: " + String.join(", ", medians);
  }
}
