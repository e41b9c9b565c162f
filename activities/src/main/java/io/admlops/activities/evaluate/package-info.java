/**
 * Evaluation: COCO and KITTI metrics ({@code coco}, {@code kitti}), per-slice metrics and
 * model comparison ({@code slices}), and the evaluation activity that scores a registered
 * model version on a dataset split.
 */
package io.admlops.activities.evaluate;
