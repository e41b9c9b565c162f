package io.admlops.activities.evaluate.kitti;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * KITTI 2D object detection AP as the official KITTI object devkit computes it. For each class
 * and difficulty, the scores of the true positives found when every object takes its
 * highest-scoring detection give up to 41 score thresholds; at each, detections below it are
 * dropped, objects are matched again by overlap, and precision is counted; the precision
 * curve, made non-increasing, is averaged over 40 and over 11 recall positions.
 */
public final class KittiEvaluator {

  /**
   * Evaluates the result files in {@code resultDir} against the label files in
   * {@code labelDir}, pairing them by file name.
   */
  public KittiEvaluation evaluate(Path labelDir, Path resultDir) throws IOException {
    return evaluate(KittiFrames.read(labelDir, resultDir));
  }

  /** Evaluates frames already read, e.g. the frames of one slice of a dataset. */
  public KittiEvaluation evaluate(List<KittiFrame> frames) {
    Map<KittiClass, Map<KittiDifficulty, KittiAp>> results = new EnumMap<>(KittiClass.class);
    for (KittiClass cls : KittiClass.values()) {
      Map<KittiDifficulty, KittiAp> byDifficulty = new EnumMap<>(KittiDifficulty.class);
      for (KittiDifficulty difficulty : KittiDifficulty.values()) {
        byDifficulty.put(difficulty, evaluate(frames, cls, difficulty));
      }
      results.put(cls, byDifficulty);
    }
    return new KittiEvaluation(results);
  }

  private static KittiAp evaluate(List<KittiFrame> frames, KittiClass cls,
      KittiDifficulty difficulty) {
    List<FrameMatcher> matchers = new ArrayList<>(frames.size());
    List<Double> truePositiveScores = new ArrayList<>();
    int counted = 0;
    for (KittiFrame frame : frames) {
      FrameMatcher matcher = new FrameMatcher(frame, FrameRoles.of(frame, cls, difficulty), cls);
      matchers.add(matcher);
      truePositiveScores.addAll(matcher.truePositiveScores());
      counted += matcher.countedTruths();
    }
    double[] thresholds = RecallThresholds.select(truePositiveScores, counted);
    List<Counts> countsByThreshold = new ArrayList<>(thresholds.length);
    for (double threshold : thresholds) {
      Counts total = Counts.NONE;
      for (FrameMatcher matcher : matchers) {
        total = total.plus(matcher.countAt(threshold));
      }
      countsByThreshold.add(total);
    }
    PrecisionCurve curve = new PrecisionCurve(countsByThreshold);
    return new KittiAp(curve.apR40(), curve.apR11(), counted);
  }
}
