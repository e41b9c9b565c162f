package io.admlops.activities.evaluate.coco;

/**
 * Averages of a {@link PrecisionTable} the way COCOeval's summary takes them: the mean of
 * every cell that is not -1, or -1 when all are.
 */
final class CocoSummary {

  private static final int ALL_AREAS = CocoProtocol.areaIndex("all");
  private static final int HUNDRED = CocoProtocol.maxDetectionsIndex(100);

  private CocoSummary() {}

  static double stat(PrecisionTable table, CocoStat stat) {
    Mean mean = new Mean();
    int a = stat.areaIndex();
    int m = stat.maxDetectionsIndex();
    for (int t = 0; t < CocoProtocol.IOU_THRESHOLDS.length; t++) {
      if (!stat.usesThreshold(t)) {
        continue;
      }
      for (int k = 0; k < table.categories(); k++) {
        if (stat.precision()) {
          for (int r = 0; r < CocoProtocol.RECALL_THRESHOLDS.length; r++) {
            mean.add(table.precision(t, r, k, a, m));
          }
        } else {
          mean.add(table.recall(t, k, a, m));
        }
      }
    }
    return mean.value();
  }

  /** AP over all IoU thresholds of one category, all sizes, 100 detections per image. */
  static double classAp(PrecisionTable table, int category) {
    Mean mean = new Mean();
    for (int t = 0; t < CocoProtocol.IOU_THRESHOLDS.length; t++) {
      for (int r = 0; r < CocoProtocol.RECALL_THRESHOLDS.length; r++) {
        mean.add(table.precision(t, r, category, ALL_AREAS, HUNDRED));
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
