/**
 * The CenterNet-style 2D detector: its network built from a {@code ModelConfig}, the
 * training targets and loss, frame preprocessing and the decoding of heatmap peaks into
 * boxes.
 */
package io.admlops.activities.detector;
