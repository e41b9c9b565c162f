/**
 * COCO-style bounding-box evaluation, giving the same numbers as the field's reference tool
 * (pycocotools' COCOeval): {@link io.admlops.activities.evaluate.coco.CocoEvaluator} reads a
 * COCO instances file and a COCO results file, or takes the same held in memory
 * ({@link io.admlops.activities.evaluate.coco.CocoGroundTruth#of},
 * {@link io.admlops.activities.evaluate.coco.CocoDetections#of}), and returns the twelve
 * summary statistics and the AP of each class, overall and per object size band, as a
 * {@link io.admlops.activities.evaluate.coco.CocoEvaluation}.
 */
package io.admlops.activities.evaluate.coco;
