package io.admlops.activities.evaluate.coco;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy matching of COCO evaluation within one image, category and size band. Detections
 * are taken highest score first; each takes the unmatched ground-truth object it overlaps
 * most (at least the threshold), preferring objects that count over ignored ones. Crowd
 * regions may absorb any number of detections.
 */
final class ImageMatcher {

  /** COCOeval caps the threshold just below 1 so that a perfect overlap still matches. */
  private static final double HIGHEST_THRESHOLD = 1 - 1e-10;

  /** Highest score first; equal scores keep file order, as numpy's stable mergesort does. */
  static final Comparator<DetectionBox> BY_SCORE =
      (a, b) -> a.score() > b.score() ? -1 : a.score() < b.score() ? 1 : 0;

  private ImageMatcher() {}

  /** The match, or null when the image has neither ground truth nor detections here. */
  static ImageMatch match(List<GroundTruthBox> truths, List<DetectionBox> detections,
      AreaRange band, int maxDetections) {
    if (truths.isEmpty() && detections.isEmpty()) {
      return null;
    }
    // Objects that count first, ignored ones (crowds, other sizes) after, each in file order.
    List<GroundTruthBox> ordered = new ArrayList<>();
    truths.stream().filter(g -> g.countsIn(band)).forEach(ordered::add);
    int counted = ordered.size();
    truths.stream().filter(g -> !g.countsIn(band)).forEach(ordered::add);
    List<DetectionBox> ranked = detections.stream().sorted(BY_SCORE).limit(maxDetections)
        .toList();

    double[] thresholds = CocoProtocol.IOU_THRESHOLDS;
    int dets = ranked.size();
    boolean[][] matched = new boolean[thresholds.length][dets];
    boolean[][] ignored = new boolean[thresholds.length][dets];
    double[][] overlaps = overlaps(ranked, ordered);
    for (int t = 0; t < thresholds.length; t++) {
      boolean[] taken = new boolean[ordered.size()];
      for (int d = 0; d < dets; d++) {
        int best = bestTruth(overlaps[d], ordered, counted, taken, thresholds[t]);
        if (best >= 0) {
          taken[best] = true;
          ignored[t][d] = best >= counted;
          // COCOeval records a match by the object's id and tests that id for non-zero, so a
          // ground-truth object with id 0 scores its match as a false positive.
          matched[t][d] = ordered.get(best).id() != 0;
        }
        if (!matched[t][d] && !band.contains(ranked.get(d).area())) {
          ignored[t][d] = true;
        }
      }
    }
    double[] scores = ranked.stream().mapToDouble(DetectionBox::score).toArray();
    return new ImageMatch(scores, matched, ignored, counted);
  }

  private static double[][] overlaps(List<DetectionBox> ranked, List<GroundTruthBox> ordered) {
    double[][] overlaps = new double[ranked.size()][ordered.size()];
    for (int d = 0; d < ranked.size(); d++) {
      for (int g = 0; g < ordered.size(); g++) {
        GroundTruthBox truth = ordered.get(g);
        overlaps[d][g] = BoxOverlap.of(ranked.get(d).box(), truth.box(), truth.crowd());
      }
    }
    return overlaps;
  }

  /**
   * The object a detection matches at a threshold, or -1. Objects that count come first, so
   * once one of them matched, the ignored objects after it are not considered.
   */
  private static int bestTruth(double[] overlap, List<GroundTruthBox> ordered, int counted,
      boolean[] taken, double threshold) {
    double bestOverlap = Math.min(threshold, HIGHEST_THRESHOLD);
    int best = -1;
    for (int g = 0; g < ordered.size(); g++) {
      if (taken[g] && !ordered.get(g).crowd()) {
        continue;
      }
      if (best >= 0 && best < counted && g >= counted) {
        break;
      }
      if (overlap[g] < bestOverlap) {
        continue;
      }
      bestOverlap = overlap[g];
      best = g;
    }
    return best;
  }
}
