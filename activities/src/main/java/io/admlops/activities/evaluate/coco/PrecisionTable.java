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
   * Fills the cells of one category, band and limit from the detections of all images,
   * already ranked by score, with their match flags for each threshold.
   */
  void fill(int category, int band, int limit, boolean[][] matched, boolean[][] ignored,
      int countedTruths) {
    double[] recallThresholds = CocoProtocol.RECALL_THRESHOLDS;
    for (int t = 0; t < matched.length; t++) {
      int dets = matched[t].length;
      double[] recalled = new double[dets];
      double[] precise = new double[dets];
      double truePositives = 0;
      double falsePositives = 0;
      for (int d = 0; d < dets; d++) {
        if (!ignored[t][d]) {
          if (matched[t][d]) {
            truePositives++;
          } else {
            falsePositives++;
          }
        }
        recalled[d] = truePositives / countedTruths;
        precise[d] = truePositives / (falsePositives + truePositives + EPSILON);
      }
      recall[t][category][band][limit] = dets > 0 ? recalled[dets - 1] : 0;
      // The precision envelope: at each rank, the best precision reached at that rank or any
      // later one, which makes the curve monotone as recall grows.
      for (int d = dets - 1; d > 0; d--) {
        precise[d - 1] = Math.max(precise[d - 1], precise[d]);
      }
      // Each recall threshold takes the precision at the first rank whose recall reaches it;
      // thresholds never reached keep precision 0.
      int rank = 0;
      for (int r = 0; r < recallThresholds.length; r++) {
        while (rank < dets && recalled[rank] < recallThresholds[r]) {
          rank++;
        }
        precision[t][r][category][band][limit] = rank < dets ? precise[rank] : 0;
      }
    }
  }
}
