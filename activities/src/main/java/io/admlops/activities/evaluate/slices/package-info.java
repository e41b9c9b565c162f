/**
 * Detection metrics per slice of a frozen test split (time of day, weather, scene type, object
 * size, tag) and the regression table between a production model and a candidate evaluated
 * on the same frames, stored in the registry's {@code evaluation} tables.
 * {@link io.admlops.activities.evaluate.slices.SliceEvaluator} computes the slices with the
 * COCO protocol, {@link io.admlops.activities.evaluate.slices.ModelComparison} compares two
 * models, {@link io.admlops.activities.evaluate.slices.EvaluationRepository} stores the
 * result.
 */
package io.admlops.activities.evaluate.slices;
