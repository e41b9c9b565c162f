package io.admlops.activities.evaluate.kitti;

/**
 * One row of a KITTI result file as the evaluation uses it.
 *
 * @param type the class as written, e.g. {@code Car}
 * @param box the 2D box in pixels
 * @param score the confidence; higher ranks first
 */
public record KittiDetection(String type, ImageBox box, double score) {}
