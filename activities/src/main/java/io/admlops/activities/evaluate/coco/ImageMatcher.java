package io.admlops.activities.evaluate.coco;

import java.util.Arrays;
import java.util.List;

/**
 * Greedy matching of COCO evaluation within one image and category, in every size band.
 * Detections are taken highest score first; each takes the unmatched ground-truth object it
 * overlaps most (at least the threshold), preferring objects that count over ignored ones.
 * Crowd regions may absorb any number of detections.
 */
final class ImageMatcher {

  /** COCOeval caps the threshold just below 1 so that a perfect overlap still matches. */
  private static final double HIGHEST_THRESHOLD = 1 - 1e-10;

  private ImageMatcher() {}

  /** How the detections of one image and category fare against its ground truth. */
  static ImageMatch match(List<GroundTruthBox> truths, List<DetectionBox> detections) {
    List<DetectionBox> ranked = ranked(detections);
    double[] thresholds = CocoProtocol.IOU_THRESHOLDS;
    List<AreaRange> bands = CocoProtocol.AREAS;
    int dets = ranked.size();
    // Overlaps do not depend on the band, so they are computed once for all four.
    double[] overlaps = overlaps(ranked, truths);
    byte[] outcomes = new byte[bands.size() * thresholds.length * dets];
    int[] counted = new int[bands.size()];
    int[] ordered = new int[truths.size()];
    boolean[] taken = new boolean[truths.size()];
    for (int a = 0; a < bands.size(); a++) {
      AreaRange band = bands.get(a);
      counted[a] = orderCountedFirst(truths, band, ordered);
      for (int t = 0; t < thresholds.length; t++) {
        Arrays.fill(taken, false);
        for (int d = 0; d < dets; d++) {
          int best = bestTruth(overlaps, d * truths.size(), truths, ordered, counted[a], taken,
              thresholds[t]);
          boolean ignored = false;
          boolean matched = false;
          if (best >= 0) {
            taken[best] = true;
            ignored = best >= counted[a];
            // COCOeval records a match by the object's id and tests that id for non-zero, so
            // a ground-truth object with id 0 scores its match as a false positive.
            matched = truths.get(ordered[best]).id() != 0;
          }
          if (!matched && !band.contains(ranked.get(d).area())) {
            ignored = true;
          }
          outcomes[ImageMatch.index(a, t, d, dets)] = ignored ? ImageMatch.IGNORED
              : matched ? ImageMatch.TRUE_POSITIVE : ImageMatch.FALSE_POSITIVE;
        }
      }
    }
    double[] scores = new double[dets];
    for (int d = 0; d < dets; d++) {
      scores[d] = ranked.get(d).score();
    }
    return new ImageMatch(scores, outcomes, counted);
  }

  /** Highest score first, ties in file order, cut at the largest detection limit. */
  private static List<DetectionBox> ranked(List<DetectionBox> detections) {
    double[] scores = new double[detections.size()];
    for (int d = 0; d < scores.length; d++) {
      scores[d] = detections.get(d).score();
    }
    int[] order = ScoreOrder.descending(scores);
    int limit = CocoProtocol.MAX_DETECTIONS[CocoProtocol.MAX_DETECTIONS.length - 1];
    DetectionBox[] ranked = new DetectionBox[Math.min(limit, order.length)];
    for (int d = 0; d < ranked.length; d++) {
      ranked[d] = detections.get(order[d]);
    }
    return Arrays.asList(ranked);
  }

  /**
   * Puts the indices of the objects that count in {@code band} first and the ignored ones
   * (crowds, other sizes) after, each in file order; returns how many count.
   */
  private static int orderCountedFirst(List<GroundTruthBox> truths, AreaRange band,
      int[] ordered) {
    int counted = 0;
    for (int g = 0; g < truths.size(); g++) {
      if (truths.get(g).countsIn(band)) {
        ordered[counted++] = g;
      }
    }
    int next = counted;
    for (int g = 0; g < truths.size(); g++) {
      if (!truths.get(g).countsIn(band)) {
        ordered[next++] = g;
      }
    }
    return counted;
  }

  /** Overlap of each ranked detection with each object: a row per detection, file order. */
  private static double[] overlaps(List<DetectionBox> ranked, List<GroundTruthBox> truths) {
    double[] overlaps = new double[ranked.size() * truths.size()];
    for (int d = 0; d < ranked.size(); d++) {
      for (int g = 0; g < truths.size(); g++) {
        GroundTruthBox truth = truths.get(g);
        overlaps[d * truths.size() + g] =
            BoxOverlap.of(ranked.get(d).box(), truth.box(), truth.crowd());
      }
    }
    return overlaps;
  }

  /**
   * The position in {@code ordered} of the object a detection matches at a threshold, or -1;
   * the detection's overlaps start at {@code row}. Objects that count come first, so once one
   * of them matched, the ignored objects after it are not considered.
   */
  private static int bestTruth(double[] overlaps, int row, List<GroundTruthBox> truths,
      int[] ordered, int counted, boolean[] taken, double threshold) {
    double bestOverlap = Math.min(threshold, HIGHEST_THRESHOLD);
    int best = -1;
    for (int g = 0; g < ordered.length; g++) {
      if (taken[g] && !truths.get(ordered[g]).crowd()) {
        continue;
      }
      if (best >= 0 && best < counted && g >= counted) {
        break;
      }
      double overlap = overlaps[row + ordered[g]];
      if (overlap < bestOverlap) {
        continue;
      }
      bestOverlap = overlap;
      best = g;
    }
    return best;
  }
}
