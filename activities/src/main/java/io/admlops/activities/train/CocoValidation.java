package io.admlops.activities.train;

import io.admlops.activities.detector.Detector;
import io.admlops.activities.evaluate.slices.SliceEvaluator;
import io.admlops.activities.predict.FramePredictor;
import io.admlops.schemas.frame.Frame;
import java.io.IOException;
import java.util.List;

/**
 * Scores a detector after each epoch: COCO AP@[.5:.95] over the validation frames, the
 * figure a run's curve of validation mAP shows.
 */
final class CocoValidation implements DetectorTrainer.Validation {

  private final List<Frame> frames;

  CocoValidation(List<Frame> frames) {
    this.frames = List.copyOf(frames);
  }

  @Override
  public Double meanAveragePrecision(Detector detector) throws IOException {
    if (frames.isEmpty()) {
      return null;
    }
    return new SliceEvaluator().evaluate(frames, FramePredictor.predict(detector, frames))
        .overall().map();
  }
}
