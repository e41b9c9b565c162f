package io.admlops.activities.evaluate.coco;

import java.util.function.IntPredicate;

/**
 * Averages of a {@link PrecisionTable} the way COCOeval's summary takes them: the mean of
 * every cell that is not -1, or -1 when all are.
 */
final class CocoSummary {

  private static final int HUNDRED = CocoProtocol.maxDetectionsIndex(100);

  private CocoSummary() {}

  static double stat(PrecisionTable table, CocoStat stat) {
    int a = stat.areaIndex();
    int m = stat.maxDetectionsIndex();
    if (stat.precision()) {
      return precision(table, stat::usesThreshold, 0, table.categories(), a, m);
    }
    Mean mean = new Mean();
    for (int t = 0; t < CocoProtocol.IOU_THRESHOLDS.length; t++) {
      if (stat.usesThreshold(t)) {
        for (int k = 0; k < table.categories(); k++) {
          mean.add(table.recall(t, k, a, m));
        }
      }
    }
    return mean.value();
  }

  /** AP of every category in a size band over the IoU thresholds taken, 100 detections. */
  static double bandAp(PrecisionTable table, int band, IntPredicate thresholds) {
    return precision(table, thresholds, 0, table.categories(), band, HUNDRED);
  }

  /** AP over all IoU thresholds of one category in a size band, 100 detections per image. */
  static double classAp(PrecisionTable table, int category, int band) {
    return precision(table, t -> true, category, category + 1, band, HUNDRED);
  }

  private static double precision(PrecisionTable table, IntPredicate thresholds,
      int fromCategory, int toCategory, int band, int limit) {
    Mean mean = new Mean();
    for (int t = 0; t < CocoProtocol.IOU_THRESHOLDS.length; t++) {
      if (!thresholds.test(t)) {
        continue;
      }
      for (int k = fromCategory; k < toCategory; k++) {
        for (int r = 0; r < CocoProtocol.RECALL_THRESHOLDS.length; r++) {
          mean.add(table.precision(t, r, k, band, limit));
        }
      }
    }
    return mean.value();
  }

  /** Mean of the measured cells; -1 marks a cell with nothing to measure. */
  private static final class Mean {
    private double sum;
    private long count;

    void add(double cell) {
      if (cell > -1) {
        sum += cell;
        count++;
      }
    }

    double value() {
      return count == 0 ? -1 : sum / count;
    }
  }
}
