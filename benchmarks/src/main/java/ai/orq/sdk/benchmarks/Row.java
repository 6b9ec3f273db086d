package ai.orq.sdk.benchmarks;

/**
 * One line of the results: a metric measured for the SDK and (where one exists) for the baseline in
 * the same run, their ratio, and the target it is judged against.
 *
 * @param ratio the median over pairs of adjacent rounds of SDK value / baseline value (for a single
 *     measurement, SDK / baseline), or NaN when there is no baseline
 * @param ratios the per-pair ratios, or null for single measurements and rows without a baseline
 * @param target human-readable target, such as {@code "<= 1.10"}, or {@code "reported"}
 * @param met true or false when there is a target, null when the row is only reported
 */
record Row(
    String benchmark,
    String metric,
    String unit,
    Samples sdk,
    Samples baseline,
    double ratio,
    Samples ratios,
    String target,
    Boolean met,
    String note) {

  /** A row from interleaved rounds; the ratio is the median of the paired ratios. */
  static Row paired(
      String benchmark,
      String metric,
      String unit,
      Harness.Outcome outcome,
      String key,
      String target,
      java.util.function.DoublePredicate meets,
      String note) {
    Samples ratios = outcome.pairedRatios(key);
    return new Row(
        benchmark,
        metric,
        unit,
        outcome.sdk().get(key),
        outcome.baseline().get(key),
        ratios.median(),
        ratios,
        target,
        meets == null ? null : meets.test(ratios.median()),
        note);
  }

  /** A row of one measurement per variant. */
  static Row compared(
      String benchmark,
      String metric,
      String unit,
      Samples sdk,
      Samples baseline,
      String target,
      Boolean met,
      String note) {
    return new Row(
        benchmark,
        metric,
        unit,
        sdk,
        baseline,
        sdk.median() / baseline.median(),
        null,
        target,
        met,
        note);
  }

  static Row single(
      String benchmark,
      String metric,
      String unit,
      Samples sdk,
      String target,
      Boolean met,
      String note) {
    return new Row(benchmark, metric, unit, sdk, null, Double.NaN, null, target, met, note);
  }

  static Samples one(double value) {
    return new Samples(new double[] {value});
  }
}
