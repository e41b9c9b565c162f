/**
 * Corner-case mining: scores a loop iteration's new unlabeled frames by how unsure the
 * production model is, how its detections flicker along a drive, how rare their scene
 * conditions are in the current dataset and how different they look from each other, and
 * picks the frames worth a labeling budget, each tagged with why it was picked.
 */
package io.admlops.activities.mine;
