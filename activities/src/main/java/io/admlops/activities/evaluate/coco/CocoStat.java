package io.admlops.activities.evaluate.coco;

/**
 * The twelve summary statistics of COCO box evaluation, in the order COCOeval prints them.
 * Each names what it averages: precision or recall, one IoU threshold or all of them, a size
 * band and a cap on detections per image.
 */
public enum CocoStat {
  AP(true, Double.NaN, "all", 100),
  AP50(true, 0.5, "all", 100),
  AP75(true, 0.75, "all", 100),
  APs(true, Double.NaN, "small", 100),
  APm(true, Double.NaN, "medium", 100),
  APl(true, Double.NaN, "large", 100),
  AR1(false, Double.NaN, "all", 1),
  AR10(false, Double.NaN, "all", 10),
  AR100(false, Double.NaN, "all", 100),
  ARs(false, Double.NaN, "small", 100),
  ARm(false, Double.NaN, "medium", 100),
  ARl(false, Double.NaN, "large", 100);

  private final boolean precision;
  private final double iouThreshold;
  private final String area;
  private final int maxDetections;

  CocoStat(boolean precision, double iouThreshold, String area, int maxDetections) {
    this.precision = precision;
    this.iouThreshold = iouThreshold;
    this.area = area;
    this.maxDetections = maxDetections;
  }

  /** True for average precision, false for average recall. */
  boolean precision() {
    return precision;
  }

  /** Whether the statistic averages over every IoU threshold rather than one. */
  boolean allThresholds() {
    return Double.isNaN(iouThreshold);
  }

  /** Whether IoU threshold {@code t} takes part, matched exactly as COCOeval matches it. */
  boolean usesThreshold(int t) {
    return allThresholds() || CocoProtocol.IOU_THRESHOLDS[t] == iouThreshold;
  }

  int areaIndex() {
    return CocoProtocol.areaIndex(area);
  }

  int maxDetectionsIndex() {
    return CocoProtocol.maxDetectionsIndex(maxDetections);
  }
}
