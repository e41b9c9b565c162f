package io.admlops.activities.evaluate.kitti;

/**
 * True and false positives at one score threshold. Missed objects are not kept: AP needs only
 * their number, and that is the count of objects, fixed before any threshold.
 */
record Counts(int truePositives, int falsePositives) {

  static final Counts NONE = new Counts(0, 0);

  Counts plus(Counts other) {
    return new Counts(truePositives + other.truePositives,
        falsePositives + other.falsePositives);
  }

  /** TP / (TP + FP); NaN where nothing was detected, as in the devkit. */
  double precision() {
    return truePositives / (double) (truePositives + falsePositives);
  }
}
