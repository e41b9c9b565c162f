package io.admlops.activities.evaluate.kitti;

/**
 * The AP of one class at one difficulty, as fractions 0..1 (the devkit prints them times 100).
 *
 * @param apR40 mean interpolated precision over recall positions 1/40, ..., 1
 * @param apR11 mean interpolated precision over recall positions 0, 0.1, ..., 1
 * @param groundTruth the ground-truth objects counted: of the class, within the difficulty
 */
public record KittiAp(double apR40, double apR11, int groundTruth) {}
