/**
 * Training: the record of training runs and their per-epoch metrics in the registry (the role
 * an experiment tracker plays), read back as curves and drawn as a plot.
 * {@link io.admlops.activities.train.TrainingRunLog} writes and reads runs;
 * {@link io.admlops.activities.train.TrainingCurvesPlot} draws them as SVG or PNG.
 */
package io.admlops.activities.train;
