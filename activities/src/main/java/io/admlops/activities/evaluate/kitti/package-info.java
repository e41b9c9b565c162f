/**
 * KITTI 2D object detection AP with the semantics of the official KITTI object devkit:
 * {@link io.admlops.activities.evaluate.kitti.KittiEvaluator} reads a folder of label files
 * and a folder of result files and returns, for Car, Pedestrian and Cyclist at the easy,
 * moderate and hard difficulties, AP over 40 recall positions (the benchmark's current metric)
 * and over 11 (its older one) as a {@link io.admlops.activities.evaluate.kitti.KittiEvaluation}.
 */
package io.admlops.activities.evaluate.kitti;
