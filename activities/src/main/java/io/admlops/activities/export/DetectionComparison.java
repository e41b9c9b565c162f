package io.admlops.activities.export;

import io.admlops.activities.detector.Detection;
import io.admlops.activities.model.ModelConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Compares the detections DJL and ONNX Runtime decoded, frame by frame. Detections of the same
 * class whose boxes agree are the same detection. A detection only one side kept is excused
 * when its own numbers show a {@link NearTie}: heads within the tolerance may then decide
 * either way, and a barely trained network with its flat heatmap has many such decisions.
 * Whatever is left is a real difference: paired by class and nearest box for the numbers, or
 * unmatched.
 */
final class DetectionComparison {

  /**
   * How close two logits must be to trade places between runtimes: each may be off by the
   * tolerance, so two values within twice of it can come out in either order.
   */
  private static final double TIE = 2 * ParityReport.OUTPUT_TOLERANCE;

  private final double thresholdLogit;
  private final int maxDetections;
  private final Map<NearTie, Integer> nearTies = new EnumMap<>(NearTie.class);
  private int djlDetections;
  private int onnxDetections;
  private int unmatched;
  private double boxDifference;
  private double scoreDifference;

  DetectionComparison(ModelConfig.Inference inference) {
    this.thresholdLogit = logit(inference.scoreThreshold());
    this.maxDetections = inference.maxDetections();
  }

  /**
   * Adds one frame: each side's detections, best first, and the head outputs they were
   * decoded from.
   */
  void compare(List<Detection> djl, FrameHeads djlHeads, List<Detection> onnx,
      FrameHeads onnxHeads) {
    djlDetections += djl.size();
    onnxDetections += onnx.size();
    List<Detection> djlOnly = new ArrayList<>(djl);
    List<Detection> onnxOnly = new ArrayList<>(onnx);
    pairNearest(djlOnly, onnxOnly, ParityReport.BOX_TOLERANCE);
    // Judged against the other side's whole list: its cut-off is that of all it kept.
    djlOnly.removeIf(d -> excused(d, djlHeads, onnxHeads, onnx));
    onnxOnly.removeIf(d -> excused(d, onnxHeads, djlHeads, djl));
    // What is left differs for real; pairing it anyway shows by how much in box and score.
    pairNearest(djlOnly, onnxOnly, Double.POSITIVE_INFINITY);
    unmatched += djlOnly.size() + onnxOnly.size();
  }

  /**
   * Pairs each DJL detection, best first, with the closest ONNX Runtime detection of its class
   * no further than {@code reach}, removes both from their lists and records how far apart
   * they are. Pairing by box rather than by rank keeps two near-equal scores that trade places
   * from counting as a difference.
   */
  private void pairNearest(List<Detection> djl, List<Detection> onnx, double reach) {
    for (Detection d : List.copyOf(djl)) {
      Detection nearest = null;
      double distance = reach;
      for (Detection candidate : onnx) {
        double candidateDistance = boxDistance(d, candidate);
        if (candidate.classIndex() == d.classIndex() && candidateDistance <= distance) {
          nearest = candidate;
          distance = candidateDistance;
        }
      }
      if (nearest != null) {
        djl.remove(d);
        onnx.remove(nearest);
        boxDifference = Math.max(boxDifference, distance);
        scoreDifference = Math.max(scoreDifference, Math.abs(d.score() - nearest.score()));
      }
    }
  }

  /** The largest difference of the four coordinates. */
  private static double boxDistance(Detection a, Detection b) {
    return Math.max(Math.max(Math.abs(a.x1() - b.x1()), Math.abs(a.y1() - b.y1())),
        Math.max(Math.abs(a.x2() - b.x2()), Math.abs(a.y2() - b.y2())));
  }

  /** Whether a detection the other side lacks was a near-tie; counts it when it was. */
  private boolean excused(Detection detection, FrameHeads ownHeads, FrameHeads otherHeads,
      List<Detection> otherKept) {
    Optional<NearTie> tie = nearTie(detection, ownHeads, otherHeads, otherKept);
    tie.ifPresent(kind -> nearTies.merge(kind, 1, Integer::sum));
    return tie.isPresent();
  }

  /**
   * The near-tie a detection's own numbers show, compared in logits as the heads are: only its
   * score moves against the fixed threshold, so one tolerance; in the peak window and at the
   * cut-off two values move, so twice of it. A flat heatmap has many peaks that barely lead,
   * so a peak is excused only where the other side has a higher neighbour: a peak on both
   * sides that one side lost is a real difference. The cut-off is sound as a reason only
   * while the heads agree: a detection the other side lacks that is no near-tie at the
   * threshold or in its peak window is a peak there too, and missing from a full list it can
   * only have scored below that list's lowest.
   */
  private Optional<NearTie> nearTie(Detection detection, FrameHeads ownHeads,
      FrameHeads otherHeads, List<Detection> otherKept) {
    double logit = logit(detection.score());
    if (Math.abs(logit - thresholdLogit) <= ParityReport.OUTPUT_TOLERANCE) {
      return Optional.of(NearTie.THRESHOLD);
    }
    OptionalInt cell = ownHeads.cellOf(detection);
    int classIndex = detection.classIndex();
    if (cell.isPresent() && ownHeads.peakLead(classIndex, cell.getAsInt()) <= TIE
        && otherHeads.peakLead(classIndex, cell.getAsInt()) < 0) {
      return Optional.of(NearTie.PEAK);
    }
    if (otherKept.size() >= maxDetections && logit <= lowestLogit(otherKept) + TIE) {
      return Optional.of(NearTie.CUT_OFF);
    }
    return Optional.empty();
  }

  private static double lowestLogit(List<Detection> detections) {
    return detections.stream().mapToDouble(d -> logit(d.score())).min().orElseThrow();
  }

  /** The heatmap value whose sigmoid is the score. */
  private static double logit(double score) {
    return Math.log(score / (1 - score));
  }

  /** The report of a check with these detections and the heads' largest differences. */
  ParityReport report(int frames, Map<String, Double> outputDifferences) {
    return new ParityReport(frames, outputDifferences, djlDetections, onnxDetections,
        unmatched, nearTies, boxDifference, scoreDifference);
  }
}
