package io.admlops.activities.evaluate.slices;

/**
 * One row of a regression table: a metric of the baseline and the candidate model on the same
 * frames.
 *
 * @param key {@code overall}, a slice key ({@code weather=foggy}) or {@code class=<name>}
 * @param baseline the production model's value; null where there is nothing to measure
 * @param candidate the candidate's value; null where there is nothing to measure
 * @param delta candidate minus baseline; null unless both are measured
 * @param verdict how the candidate fared
 */
public record ComparisonRow(String key, Double baseline, Double candidate, Double delta,
    Verdict verdict) {

  static ComparisonRow of(String key, Double baseline, Double candidate, double tolerance) {
    Double delta = baseline == null || candidate == null ? null : candidate - baseline;
    return new ComparisonRow(key, baseline, candidate, delta,
        Verdict.of(baseline, candidate, tolerance));
  }
}
