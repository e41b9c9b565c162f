/**
 * Training the detector: the streaming data pipeline, the optimizer and learning-rate
 * schedule, per-epoch checkpoints a retried attempt resumes from, the training activity of
 * the gpu queue, and the record of training runs and their per-epoch metrics in the registry
 * (the role an experiment tracker plays), read back as curves and drawn as a plot.
 * {@link io.admlops.activities.train.TrainingJob} runs one training from request to model
 * version; {@link io.admlops.activities.train.TrainingRunLog} writes and reads runs;
 * {@link io.admlops.activities.train.TrainingCurvesPlot} draws them as SVG or PNG.
 */
package io.admlops.activities.train;
