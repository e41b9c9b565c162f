package io.admlops.activities.evaluate.kitti;

/**
 * One row of a KITTI label file as the evaluation uses it.
 *
 * @param type the class as written, e.g. {@code Car}, {@code Van}, {@code DontCare}
 * @param truncation 0 (inside the image) to 1 (leaving it); -1 for DontCare
 * @param occlusion 0 fully visible, 1 partly occluded, 2 largely occluded, 3 unknown
 * @param box the 2D box in pixels
 */
public record KittiGroundTruth(String type, double truncation, int occlusion, ImageBox box) {}
