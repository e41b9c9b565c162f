package io.admlops.activities.evaluate.kitti;

import java.util.List;

/**
 * Precision at the sampled thresholds, made non-increasing (each position takes the best
 * precision at it or beyond, the devkit's interpolation), and the two averages of it the
 * benchmark reports.
 */
final class PrecisionCurve {

  private final double[] precision = new double[RecallThresholds.POSITIONS];

  /** @param countsByThreshold the counts at each threshold, highest threshold first */
  PrecisionCurve(List<Counts> countsByThreshold) {
    for (int t = 0; t < countsByThreshold.size(); t++) {
      precision[t] = countsByThreshold.get(t).precision();
    }
    // Positions past the last threshold stay 0. Precision is NaN at a threshold where every
    // kept detection went to an ignored object or a DontCare region; like the devkit's
    // max_element, the envelope leaves that position NaN and passes over it at the others.
    double best = 0;
    for (int t = precision.length - 1; t >= 0; t--) {
      if (!Double.isNaN(precision[t])) {
        best = Math.max(best, precision[t]);
        precision[t] = best;
      }
    }
  }

  /** The mean over the 40 positions 1/40, ..., 1: the benchmark's AP since 2019. */
  double apR40() {
    double sum = 0;
    for (int t = 1; t < precision.length; t++) {
      sum += precision[t];
    }
    return sum / 40;
  }

  /** The mean over the 11 positions 0, 0.1, ..., 1: the benchmark's AP until 2019. */
  double apR11() {
    double sum = 0;
    for (int t = 0; t < precision.length; t += 4) {
      sum += precision[t];
    }
    return sum / 11;
  }
}
