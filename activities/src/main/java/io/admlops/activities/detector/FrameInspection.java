package io.admlops.activities.detector;

import java.util.List;

/**
 * What one inference pass tells about a frame beyond its detections, for choosing which
 * frames to label.
 *
 * @param detections the frame's detections in image pixels, best first, as
 *     {@link Detector#detect} reports them
 * @param peakScores the strongest heatmap peaks over all classes, highest first, including
 *     those below the score threshold
 * @param embedding the deepest backbone stage's features averaged over the frame, one value
 *     per channel
 */
public record FrameInspection(List<Detection> detections, float[] peakScores,
    float[] embedding) {

  public FrameInspection {
    detections = List.copyOf(detections);
  }
}
