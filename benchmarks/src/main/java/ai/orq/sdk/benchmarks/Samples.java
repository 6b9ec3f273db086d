package ai.orq.sdk.benchmarks;

import java.util.Arrays;

/** The per-round values of one metric of one variant, with order statistics. */
final class Samples {
  private final double[] inOrder;
  private final double[] sorted;

  /**
   * @param values in the order they were measured
   */
  Samples(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    this.inOrder = values.clone();
    this.sorted = values.clone();
    Arrays.sort(this.sorted);
  }

  int count() {
    return sorted.length;
  }

  double median() {
    return percentile(50);
  }

  double min() {
    return sorted[0];
  }

  double max() {
    return sorted[sorted.length - 1];
  }

  /** Linear interpolation between closest ranks. */
  double percentile(double p) {
    if (sorted.length == 1) {
      return sorted[0];
    }
    double rank = p / 100.0 * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
  }

  /** The values in the order they were measured. */
  double[] values() {
    return inOrder.clone();
  }
}
