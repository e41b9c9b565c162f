package io.admlops.activities.evaluate.coco;

import java.util.Arrays;

/**
 * Interpolated precision at each recall threshold and the final recall, for every IoU
 * threshold, category, size band and detection limit. A cell stays -1 when the category has
 * no ground-truth object that counts in that band: there is nothing to recall.
 */
final class PrecisionTable {

  /** numpy's spacing(1), which keeps precision defined before the first detection counts. */
  private static final double EPSILON = Math.ulp(1.0);

  private final int categories;
  /** [threshold][recall threshold][category][band][limit]. */
  private final double[][][][][] precision;
  /** [threshold][category][band][limit]. */
  private final double[][][][] recall;

  PrecisionTable(int categories) {
    this.categories = categories;
    int thresholds = CocoProtocol.IOU_THRESHOLDS.length;
    int recalls = CocoProtocol.RECALL_THRESHOLDS.length;
    int bands = CocoProtocol.AREAS.size();
    int limits = CocoProtocol.MAX_DETECTIONS.length;
    precision = new double[thresholds][recalls][categories][bands][limits];
    recall = new double[thresholds][categories][bands][limits];
    for (double[][][][] byRecall : precision) {
      for (double[][][] byCategory : byRecall) {
        markUnmeasured(byCategory);
      }
    }
    for (double[][][] byCategory : recall) {
      markUnmeasured(byCategory);
    }
  }

  private static void markUnmeasured(double[][][] cells) {
    for (double[][] byBand : cells) {
      for (double[] byLimit : byBand) {
        Arrays.fill(byLimit, -1);
      }
    }
  }

  int categories() {
    return categories;
  }

  double precision(int threshold, int recallThreshold, int category, int band, int limit) {
    return precision[threshold][recallThreshold][category][band][limit];
  }

  double recall(int threshold, int category, int band, int limit) {
    return recall[threshold][category][band][limit];
  }

  /**
   * Fills the cells of one category, band, limit and threshold from the outcomes of the
   * category's detections in all images, ranked by score. Categories may be filled from
   * different threads at once: each writes only its own cells.
   *
   * <p>Only the ranks of true positives need a precision. Recall grows only there, so each
   * recall threshold above 0 is first reached at one of them; and between two of them
   * precision only falls, so the envelope (the best precision at a rank or any later one,
   * which makes the curve monotone as recall grows) is the best over the true positives from
   * that rank on. Threshold 0 is reached at the first rank, whose envelope is the best over
   * all true positives, or 0 without any. Thresholds never reached keep precision 0.
   */
  void fill(int category, int band, int limit, int threshold, byte[] outcomes, int dets,
      int countedTruths) {
    // Each object that counts is matched at most once, so there are at most that many hits.
    double[] precise = new double[countedTruths];
    int truePositives = 0;
    int falsePositives = 0;
    for (int d = 0; d < dets; d++) {
      if (outcomes[d] == ImageMatch.TRUE_POSITIVE) {
        double hits = ++truePositives;
        // The quotient COCOeval takes at this rank, with counts as floating-point numbers.
        precise[truePositives - 1] = hits / ((double) falsePositives + hits + EPSILON);
      } else if (outcomes[d] == ImageMatch.FALSE_POSITIVE) {
        falsePositives++;
      }
    }
    recall[threshold][category][band][limit] =
        dets > 0 ? (double) truePositives / countedTruths : 0;
    for (int j = truePositives - 1; j > 0; j--) {
      precise[j - 1] = Math.max(precise[j - 1], precise[j]);
    }
    double[] recallThresholds = CocoProtocol.RECALL_THRESHOLDS;
    int hit = 0;
    for (int r = 0; r < recallThresholds.length; r++) {
      while (hit < truePositives && (double) (hit + 1) / countedTruths < recallThresholds[r]) {
        hit++;
      }
      precision[threshold][r][category][band][limit] = hit < truePositives ? precise[hit] : 0;
    }
  }
}
