package io.admlops.activities.mine;

import io.admlops.activities.detector.Detection;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.detector.FrameInspection;
import io.admlops.activities.predict.FramePredictor;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs the production model over an iteration's new unlabeled frames, scores each one and
 * picks the batch to label: one inference pass per frame gives its detections (for flicker
 * along its drive), its strongest heatmap peaks (for uncertainty) and its backbone embedding
 * (for diversity); its scene attributes against the dataset's distribution give its rarity.
 */
public final class CornerCaseMiner {

  /** Frames per inference pass: enough to keep the device busy, few enough to stay small. */
  private static final int BATCH = 8;

  private final Detector detector;
  private final MiningSettings settings;

  /**
   * @param detector the production model; the miner does not close it
   * @param settings how frames are scored and picked
   */
  public CornerCaseMiner(Detector detector, MiningSettings settings) {
    this.detector = detector;
    this.settings = settings;
  }

  /**
   * The frames to label, in the order they were picked, at most {@code budget}.
   *
   * @param frames the new unlabeled frames, with absolute image paths
   * @param dataset the scene distribution of the dataset the frames would join
   * @param seed draws the random strategy's sample
   * @throws UserInputException when a frame's image is missing or undecodable, or the budget
   *     is negative
   */
  public List<MinedFrame> mine(List<Frame> frames, SceneDistribution dataset, int budget,
      MiningStrategy strategy, long seed) throws IOException {
    return new CornerCaseSelector(settings)
        .select(score(frames, dataset, scored -> { }), budget, strategy, seed);
  }

  /**
   * Every frame's scores and embedding, in the frames' order.
   *
   * @param framesScored told the number of frames scored so far after each inference pass,
   *     e.g. to heartbeat
   * @throws UserInputException when a frame's image is missing or cannot be decoded
   */
  public List<MiningCandidate> score(List<Frame> frames, SceneDistribution dataset,
      IntConsumer framesScored) throws IOException {
    List<FrameInspection> inspections = new ArrayList<>();
    for (int from = 0; from < frames.size(); from += BATCH) {
      List<BufferedImage> images = new ArrayList<>();
      for (Frame frame : frames.subList(from, Math.min(from + BATCH, frames.size()))) {
        images.add(FramePredictor.readImage(frame));
      }
      inspections.addAll(detector.inspect(images, settings.peaksPerFrame()));
      framesScored.accept(inspections.size());
    }
    List<List<Detection>> detections =
        inspections.stream().map(FrameInspection::detections).toList();
    double[] flicker = new TrackFlicker(settings.flickerIou()).scores(frames, detections);
    SceneRarity rarity = new SceneRarity(dataset, settings.rareShare());
    double threshold = detector.config().inference().scoreThreshold();
    List<MiningCandidate> candidates = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      Frame frame = frames.get(i);
      FrameInspection inspection = inspections.get(i);
      candidates.add(new MiningCandidate(frame,
          PeakUncertainty.score(inspection.peakScores(), threshold), flicker[i],
          rarity.score(frame.scene()), rarity.rareValues(frame.scene()),
          inspection.embedding()));
    }
    return candidates;
  }
}
