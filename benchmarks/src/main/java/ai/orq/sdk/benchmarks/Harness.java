package ai.orq.sdk.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm-up, then measured rounds that alternate the order of the variants (SDK-baseline,
 * baseline-SDK, ...; with a third, contender, in the middle: SDK-contender-baseline,
 * baseline-contender-SDK, ...) so drift in the machine (JIT, frequency, a noisy neighbour) falls on
 * all alike. Each round returns named metrics; the harness collects them per variant.
 */
final class Harness {
  private Harness() {}

  /** One round of one variant: runs it and returns its metrics (for example "ns/call"). */
  interface Round {
    Map<String, Double> run() throws Exception;
  }

  /**
   * The collected metrics of the variants. Round {@code i} of each variant ran in the same turn,
   * close to the others, so their ratio is little affected by slow drift in the machine.
   *
   * @param contenderRounds the rounds of a third variant, or empty when there was none
   */
  record Outcome(
      List<Map<String, Double>> sdkRounds,
      List<Map<String, Double>> baselineRounds,
      List<Map<String, Double>> contenderRounds) {
    Outcome(List<Map<String, Double>> sdkRounds, List<Map<String, Double>> baselineRounds) {
      this(sdkRounds, baselineRounds, List.of());
    }

    Map<String, Samples> sdk() {
      return collect(sdkRounds);
    }

    Map<String, Samples> baseline() {
      return collect(baselineRounds);
    }

    /** The contender in the SDK's place, against the same baseline rounds. */
    Outcome contender() {
      return new Outcome(contenderRounds, baselineRounds);
    }

    /** The SDK against the contender in the baseline's place. */
    Outcome sdkAgainstContender() {
      return new Outcome(sdkRounds, contenderRounds);
    }

    /** SDK value / baseline value of each pair of rounds run in the same turn. */
    Samples pairedRatios(String metric) {
      double[] ratios = new double[sdkRounds.size()];
      for (int i = 0; i < ratios.length; i++) {
        ratios[i] = sdkRounds.get(i).get(metric) / baselineRounds.get(i).get(metric);
      }
      return new Samples(ratios);
    }
  }

  static Outcome interleave(int warmups, int rounds, Round sdk, Round baseline) throws Exception {
    List<List<Map<String, Double>>> measured = interleave(warmups, rounds, List.of(sdk, baseline));
    return new Outcome(measured.get(0), measured.get(1));
  }

  static Outcome interleave(int warmups, int rounds, Round sdk, Round baseline, Round contender)
      throws Exception {
    List<List<Map<String, Double>>> measured =
        interleave(warmups, rounds, List.of(sdk, contender, baseline));
    return new Outcome(measured.get(0), measured.get(2), measured.get(1));
  }

  /**
   * The rounds of each variant, in the order given; even turns run them forwards, odd ones
   * backwards.
   */
  private static List<List<Map<String, Double>>> interleave(
      int warmups, int rounds, List<Round> variants) throws Exception {
    List<List<Map<String, Double>>> measured = new ArrayList<>();
    variants.forEach(v -> measured.add(new ArrayList<>()));
    for (int i = 0; i < warmups + rounds; i++) {
      int turn = i < warmups ? i : i - warmups; // the first measured turn runs forwards too
      for (int k = 0; k < variants.size(); k++) {
        int v = turn % 2 == 0 ? k : variants.size() - 1 - k;
        if (i < warmups) {
          variants.get(v).run();
        } else {
          measured.get(v).add(measured(variants.get(v)));
        }
      }
    }
    List<List<Map<String, Double>>> copies = new ArrayList<>();
    measured.forEach(m -> copies.add(List.copyOf(m)));
    return copies;
  }

  private static Map<String, Double> measured(Round round) throws Exception {
    System.gc(); // start each measured round from a collected heap, for every variant alike
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
