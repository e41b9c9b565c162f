/**
 * The CenterNet-style 2D detector: its network built from a {@code ModelConfig}, the
 * training targets and loss, frame preprocessing, the decoding of heatmap peaks into
 * boxes, and the inspection of frames (peaks and backbone embedding) that mining reads.
 */
package io.admlops.activities.detector;
