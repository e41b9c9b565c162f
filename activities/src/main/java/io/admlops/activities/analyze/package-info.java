/**
 * Dataset analysis: what a perception engineer checks before training. A
 * {@link io.admlops.activities.analyze.DatasetAnalysis} counts a dataset's frames as a reader
 * streams them (classes, box sizes and positions, occlusion, truncation, scene conditions),
 * checks them against the definition's coverage targets, and
 * {@link io.admlops.activities.analyze.AnalysisReport} writes the result as JSON and as a
 * self-contained HTML report with inline SVG charts.
 */
package io.admlops.activities.analyze;
