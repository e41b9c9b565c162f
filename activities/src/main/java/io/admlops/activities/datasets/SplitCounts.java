package io.admlops.activities.datasets;

import java.util.Map;

/**
 * Frames of a version per split.
 *
 * @param train frames in the training split
 * @param val frames in the validation split
 * @param test frames in the test split
 */
public record SplitCounts(int train, int val, int test) {

  /** From counts keyed by the split's stored name; a missing split has no frames. */
  static SplitCounts of(Map<String, Integer> bySplit) {
    return new SplitCounts(bySplit.getOrDefault(Split.TRAIN.column(), 0),
        bySplit.getOrDefault(Split.VAL.column(), 0),
        bySplit.getOrDefault(Split.TEST.column(), 0));
  }
}
