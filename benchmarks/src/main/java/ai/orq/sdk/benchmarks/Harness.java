package ai.orq.sdk.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm-up, then measured rounds that alternate which variant goes first (SDK-baseline,
 * baseline-SDK, ...) so drift in the machine (JIT, frequency, a noisy neighbour) falls on both
 * alike. Each round returns named metrics; the harness collects them per variant.
 */
final class Harness {
  private Harness() {}

  /** One round of one variant: runs it and returns its metrics (for example "ns/call"). */
  interface Round {
    Map<String, Double> run() throws Exception;
  }

  /**
   * The collected metrics of both variants. Round {@code i} of the SDK and round {@code i} of the
   * baseline ran back to back, so their ratio is little affected by slow drift in the machine.
   */
  record Outcome(List<Map<String, Double>> sdkRounds, List<Map<String, Double>> baselineRounds) {
    Map<String, Samples> sdk() {
      return collect(sdkRounds);
    }

    Map<String, Samples> baseline() {
      return collect(baselineRounds);
    }

    /** SDK value / baseline value of each pair of adjacent rounds. */
    Samples pairedRatios(String metric) {
      double[] ratios = new double[sdkRounds.size()];
      for (int i = 0; i < ratios.length; i++) {
        ratios[i] = sdkRounds.get(i).get(metric) / baselineRounds.get(i).get(metric);
      }
      return new Samples(ratios);
    }
  }

  static Outcome interleave(int warmups, int rounds, Round sdk, Round baseline) throws Exception {
    for (int i = 0; i < warmups; i++) {
      if (i % 2 == 0) {
        sdk.run();
        baseline.run();
      } else {
        baseline.run();
        sdk.run();
      }
    }
    List<Map<String, Double>> sdkRounds = new ArrayList<>();
    List<Map<String, Double>> baselineRounds = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      if (i % 2 == 0) {
        sdkRounds.add(measured(sdk));
        baselineRounds.add(measured(baseline));
      } else {
        baselineRounds.add(measured(baseline));
        sdkRounds.add(measured(sdk));
      }
    }
    return new Outcome(List.copyOf(sdkRounds), List.copyOf(baselineRounds));
  }

  private static Map<String, Double> measured(Round round) throws Exception {
    System.gc(); // start each measured round from a collected heap, for both variants alike
    return round.run();
  }

  private static Map<String, Samples> collect(List<Map<String, Double>> rounds) {
    Map<String, Samples> samples = new LinkedHashMap<>();
    for (String metric : rounds.get(0).keySet()) {
      double[] values = new double[rounds.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = rounds.get(i).get(metric);
      }
      samples.put(metric, new Samples(values));
    }
    return samples;
  }
}
