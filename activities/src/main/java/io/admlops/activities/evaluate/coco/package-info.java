/**
 * COCO-style bounding-box evaluation, giving the same numbers as the field's reference tool
 * (pycocotools' COCOeval): {@link io.admlops.activities.evaluate.coco.CocoEvaluator} reads a
 * COCO instances file and a COCO results file and returns the twelve summary statistics and
 * the AP of each class as a {@link io.admlops.activities.evaluate.coco.CocoEvaluation}.
 */
package io.admlops.activities.evaluate.coco;
