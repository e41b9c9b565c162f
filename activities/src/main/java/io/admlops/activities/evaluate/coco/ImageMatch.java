package io.admlops.activities.evaluate.coco;

/**
 * How the detections of one image and category fared: their scores (highest first, at most
 * the largest detection limit) and, for each size band and IoU threshold, the outcome of each
 * detection. {@code countedTruths} holds per band the number of ground-truth objects that are
 * not ignored there, the denominator of recall.
 */
record ImageMatch(double[] scores, byte[] outcomes, int[] countedTruths) {

  /** Matched an object that counts. */
  static final byte TRUE_POSITIVE = 1;
  /** Matched nothing, and the detection's own size is inside the band. */
  static final byte FALSE_POSITIVE = 0;
  /** Matched an ignored object, or matched nothing and lies outside the band. */
  static final byte IGNORED = 2;

  /** Where an outcome is kept: band, then threshold, then the detection's rank. */
  static int index(int band, int threshold, int rank, int detections) {
    return (band * CocoProtocol.IOU_THRESHOLDS.length + threshold) * detections + rank;
  }

  byte outcome(int band, int threshold, int rank) {
    return outcomes[index(band, threshold, rank, scores.length)];
  }
}
