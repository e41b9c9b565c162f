package io.admlops.activities.evaluate.kitti;

import io.admlops.activities.evaluate.kitti.FrameRoles.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches the detections of one frame to its ground truth for one class and difficulty, in
 * the two ways of the devkit's {@code computeStatistics}. Ground-truth objects are visited in
 * file order and each takes at most one detection that no earlier object took.
 */
final class FrameMatcher {

  /**
   * The devkit's marker for "no detection yet", compared against scores; a detection scored
   * at or below it is never chosen when thresholds are collected.
   */
  private static final double NO_DETECTION = -10_000_000;

  private final KittiFrame frame;
  private final FrameRoles roles;
  private final double minOverlap;
  /** IoU by ground-truth object, then detection. */
  private final double[][] iou;

  FrameMatcher(KittiFrame frame, FrameRoles roles, KittiClass cls) {
    this.frame = frame;
    this.roles = roles;
    this.minOverlap = cls.minOverlap();
    this.iou = new double[frame.truth().size()][frame.detections().size()];
    for (int i = 0; i < iou.length; i++) {
      for (int j = 0; j < iou[i].length; j++) {
        iou[i][j] = frame.detections().get(j).box().iou(frame.truth().get(i).box());
      }
    }
  }

  int countedTruths() {
    return roles.countedTruths();
  }

  /**
   * The scores of the true positives when every object takes the highest-scoring detection
   * that overlaps it enough; the candidates for the score thresholds.
   */
  List<Double> truePositiveScores() {
    boolean[] assigned = new boolean[frame.detections().size()];
    List<Double> scores = new ArrayList<>();
    for (int i = 0; i < iou.length; i++) {
      if (roles.truth(i) == Role.OTHER) {
        continue;
      }
      int match = -1;
      double matchScore = NO_DETECTION;
      for (int j = 0; j < assigned.length; j++) {
        double score = score(j);
        if (roles.detection(j) != Role.OTHER && !assigned[j] && iou[i][j] > minOverlap
            && score > matchScore) {
          match = j;
          matchScore = score;
        }
      }
      if (settle(i, match, assigned)) {
        scores.add(matchScore);
      }
    }
    return scores;
  }

  /**
   * The counts when only detections scored at least {@code threshold} are kept and every
   * object takes the kept detection that overlaps it most. A counted detection is preferred
   * to one too small for the difficulty, which is taken only while nothing better appeared.
   * An unmatched counted detection is a false positive unless it lies inside a DontCare
   * region.
   */
  Counts countAt(double threshold) {
    int detections = frame.detections().size();
    boolean[] assigned = new boolean[detections];
    boolean[] kept = new boolean[detections];
    for (int j = 0; j < detections; j++) {
      kept[j] = score(j) >= threshold;
    }
    int found = 0;
    for (int i = 0; i < iou.length; i++) {
      if (roles.truth(i) == Role.OTHER) {
        continue;
      }
      int match = -1;
      double matchOverlap = 0;
      boolean matchIgnored = false;
      for (int j = 0; j < detections; j++) {
        Role role = roles.detection(j);
        if (role == Role.OTHER || assigned[j] || !kept[j] || iou[i][j] <= minOverlap) {
          continue;
        }
        if (role == Role.COUNTED && (iou[i][j] > matchOverlap || matchIgnored)) {
          match = j;
          matchOverlap = iou[i][j];
          matchIgnored = false;
        } else if (role == Role.IGNORED && match < 0) {
          match = j;
          matchIgnored = true;
        }
      }
      found += settle(i, match, assigned) ? 1 : 0;
    }
    int falsePositives = 0;
    for (int j = 0; j < detections; j++) {
      if (roles.detection(j) == Role.COUNTED && kept[j] && !assigned[j] && !inDontCare(j)) {
        falsePositives++;
      }
    }
    return new Counts(found, falsePositives);
  }

  /**
   * Books ground-truth object {@code i} against detection {@code match} (-1 for none) and
   * tells whether that is a true positive. A match involving an ignored object or an ignored
   * detection uses up the detection and counts nothing; a counted object without a match is
   * a miss, which AP sees only through the number of counted objects.
   */
  private boolean settle(int i, int match, boolean[] assigned) {
    if (match < 0) {
      return false;
    }
    assigned[match] = true;
    return roles.truth(i) == Role.COUNTED && roles.detection(match) == Role.COUNTED;
  }

  private boolean inDontCare(int j) {
    ImageBox box = frame.detections().get(j).box();
    return roles.dontCare().stream().anyMatch(region -> box.fractionInside(region) > minOverlap);
  }

  private double score(int j) {
    return frame.detections().get(j).score();
  }
}
