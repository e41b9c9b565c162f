package io.admlops.activities.mine;

import io.admlops.activities.detector.Detection;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.Provenance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Temporal inconsistency of a model's detections along a drive. Objects move little between
 * consecutive frames, so a stable model sees them in neighbouring frames too; a detection in
 * frame t that matches nothing of its class (IoU at least the minimum) in frame t-1 nor in
 * frame t+1 popped in, and an object seen in both t-1 and t+1 but not in t dropped out. A
 * frame's score is the share of its tracks that flicker:
 * {@code (popped in + dropped out) / (detections + dropped out)}.
 *
 * <p>Frames are ordered by their provenance's sequence id and frame index. A neighbour that
 * is not among the frames scored is not known, so only the neighbours present count, and a
 * drop-out needs both; a frame outside any sequence, or with no neighbour present, scores 0.
 */
public final class TrackFlicker {

  private final double minIou;

  /** @param minIou the overlap from which two detections of a class are the same object */
  public TrackFlicker(double minIou) {
    this.minIou = minIou;
  }

  /**
   * Each frame's score in [0, 1].
   *
   * @param frames the frames, in any order
   * @param detections each frame's detections, in the frames' order
   */
  public double[] scores(List<Frame> frames, List<List<Detection>> detections) {
    Map<String, Map<Integer, Integer>> positions = new HashMap<>();
    for (int i = 0; i < frames.size(); i++) {
      Provenance p = frames.get(i).provenance();
      if (inSequence(p)) {
        positions.computeIfAbsent(p.sequenceId(), s -> new HashMap<>()).put(p.frameIndex(), i);
      }
    }
    double[] scores = new double[frames.size()];
    for (int i = 0; i < frames.size(); i++) {
      Provenance p = frames.get(i).provenance();
      if (inSequence(p)) {
        Map<Integer, Integer> sequence = positions.get(p.sequenceId());
        scores[i] = score(detections.get(i), neighbour(sequence, p.frameIndex() - 1, detections),
            neighbour(sequence, p.frameIndex() + 1, detections));
      }
    }
    return scores;
  }

  private double score(List<Detection> current, List<Detection> before, List<Detection> after) {
    if (before == null && after == null) {
      return 0;
    }
    int poppedIn = 0;
    for (Detection d : current) {
      if (!seenIn(before, d) && !seenIn(after, d)) {
        poppedIn++;
      }
    }
    int droppedOut = 0;
    if (before != null && after != null) {
      for (Detection earlier : before) {
        for (Detection later : after) {
          if (same(earlier, later) && !seenIn(current, earlier) && !seenIn(current, later)) {
            droppedOut++;
            break;
          }
        }
      }
    }
    int tracks = current.size() + droppedOut;
    return tracks == 0 ? 0 : (double) (poppedIn + droppedOut) / tracks;
  }

  /** Whether a known neighbour has the object; an unknown neighbour has nothing to say. */
  private boolean seenIn(List<Detection> neighbour, Detection d) {
    return neighbour != null && neighbour.stream().anyMatch(other -> same(d, other));
  }

  private boolean same(Detection a, Detection b) {
    return a.classIndex() == b.classIndex() && iou(a, b) >= minIou;
  }

  private static boolean inSequence(Provenance p) {
    return p != null && p.sequenceId() != null && p.frameIndex() != null;
  }

  private static List<Detection> neighbour(Map<Integer, Integer> sequence, int index,
      List<List<Detection>> detections) {
    Integer position = sequence.get(index);
    return position == null ? null : detections.get(position);
  }

  private static double iou(Detection a, Detection b) {
    double w = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
    double h = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
    if (w <= 0 || h <= 0) {
      return 0;
    }
    double overlap = w * h;
    double union = area(a) + area(b) - overlap;
    return union <= 0 ? 0 : overlap / union;
  }

  private static double area(Detection d) {
    return Math.max(0, d.x2() - d.x1()) * Math.max(0, d.y2() - d.y1());
  }
}
