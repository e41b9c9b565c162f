package io.admlops.activities.evaluate.kitti;

import java.util.Arrays;
import java.util.List;

/**
 * Chooses the score thresholds at which precision is sampled, as the devkit's
 * {@code getThresholds} does: walking down the true-positive scores, it takes a score when
 * the recall it gives is at least as close to the next of the 41 evenly spaced recall
 * positions 0, 1/40, ..., 1 as the recall of the following score would be.
 *
 * <p>The walk never takes a score twice, so with fewer counted objects than positions each
 * true positive becomes one position and the curve fills only the first positions: AP is then
 * far below the area under the precision-recall curve. The devkit is made for sets with many
 * more than 40 objects per class.
 */
final class RecallThresholds {

  /** Recall positions 0, 1/40, ..., 1, the devkit's {@code N_SAMPLE_PTS}. */
  static final int POSITIONS = 41;

  private RecallThresholds() {}

  /**
   * @param truePositiveScores the scores of the true positives, in any order
   * @param countedTruths the ground-truth objects recall is measured against
   * @return thresholds in descending order, at most {@link #POSITIONS}
   */
  static double[] select(List<Double> truePositiveScores, int countedTruths) {
    double[] scores = truePositiveScores.stream().mapToDouble(Double::doubleValue)
        .map(s -> -s).sorted().map(s -> -s).toArray();
    double[] thresholds = new double[scores.length];
    int taken = 0;
    // Accumulated by repeated addition like the devkit, so that the rounding, and with it
    // every close call below, comes out the same.
    double position = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean last = i == scores.length - 1;
      double recall = (i + 1) / (double) countedTruths;
      double nextRecall = last ? recall : (i + 2) / (double) countedTruths;
      if (!last && nextRecall - position < position - recall) {
        continue;
      }
      thresholds[taken++] = scores[i];
      position += 1.0 / (POSITIONS - 1.0);
    }
    return Arrays.copyOf(thresholds, taken);
  }
}
