package io.admlops.activities.evaluate.coco;

import java.util.List;

/**
 * The fixed settings of COCO box evaluation. Thresholds are built the way numpy's linspace
 * builds them ({@code start + i * step}, the last one set to the end exactly), because the
 * summary looks up the 0.5 and 0.75 IoU thresholds by exact equality and the recall
 * thresholds decide which precision values are sampled.
 */
final class CocoProtocol {

  /** IoU thresholds 0.50, 0.55, ..., 0.95. */
  static final double[] IOU_THRESHOLDS = linspace(0.5, 0.95, 10);

  /** Recall thresholds 0.00, 0.01, ..., 1.00 at which precision is sampled. */
  static final double[] RECALL_THRESHOLDS = linspace(0.0, 1.0, 101);

  /** The size bands, "all" first; the upper bound 1e10 is COCOeval's 1e5 squared. */
  static final List<AreaRange> AREAS = List.of(
      new AreaRange("all", 0, 1e10),
      new AreaRange("small", 0, 32 * 32),
      new AreaRange("medium", 32 * 32, 96 * 96),
      new AreaRange("large", 96 * 96, 1e10));

  /** Detections per image counted, ascending; the last one also caps matching. */
  static final int[] MAX_DETECTIONS = {1, 10, 100};

  private CocoProtocol() {}

  static int maxDetectionsIndex(int maxDetections) {
    for (int m = 0; m < MAX_DETECTIONS.length; m++) {
      if (MAX_DETECTIONS[m] == maxDetections) {
        return m;
      }
    }
    throw new IllegalArgumentException("not a COCO detection limit: " + maxDetections);
  }

  static int areaIndex(String label) {
    for (int a = 0; a < AREAS.size(); a++) {
      if (AREAS.get(a).label().equals(label)) {
        return a;
      }
    }
    throw new IllegalArgumentException("not a COCO area range: " + label);
  }

  private static double[] linspace(double start, double end, int count) {
    double step = (end - start) / (count - 1);
    double[] values = new double[count];
    for (int i = 0; i < count - 1; i++) {
      values[i] = i * step + start;
    }
    values[count - 1] = end;
    return values;
  }
}
