package io.admlops.activities.evaluate.kitti;

import java.util.Locale;

/**
 * The benchmark's difficulty levels. An object of the class that is smaller, more occluded or
 * more truncated than the level allows is not required at that level, and a detection smaller
 * than the level's minimum height is not counted against the detector.
 */
public enum KittiDifficulty {
  EASY(40, 0, 0.15),
  MODERATE(25, 1, 0.30),
  HARD(25, 2, 0.50);

  private final int minHeight;
  private final int maxOcclusion;
  private final double maxTruncation;

  KittiDifficulty(int minHeight, int maxOcclusion, double maxTruncation) {
    this.minHeight = minHeight;
    this.maxOcclusion = maxOcclusion;
    this.maxTruncation = maxTruncation;
  }

  /** The level's name in reports: {@code easy}, {@code moderate}, {@code hard}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether an object is beyond this level: too occluded, too truncated or too small. */
  boolean excludes(KittiGroundTruth object) {
    return object.occlusion() > maxOcclusion || object.truncation() > maxTruncation
        || object.box().height() < minHeight;
  }

  /** Whether a detection is too small to be counted as right or wrong at this level. */
  boolean tooSmall(KittiDetection detection) {
    return detection.box().height() < minHeight;
  }
}
