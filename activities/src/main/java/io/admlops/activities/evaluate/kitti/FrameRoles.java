package io.admlops.activities.evaluate.kitti;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What each object of one frame is to the evaluation of one class at one difficulty, decided
 * as the devkit's {@code cleanData} does.
 */
final class FrameRoles {

  /** What an object is to the evaluation. */
  enum Role {
    /** Ground truth that must be found, or a detection that is right or wrong. */
    COUNTED,
    /**
     * Ground truth that may be matched but need not be (a neighbouring class, or beyond the
     * difficulty), or a detection too small for the difficulty. Either side may still be
     * matched, which keeps the other side of the match out of the counts.
     */
    IGNORED,
    /** Another class: never matched. */
    OTHER
  }

  private final Role[] truth;
  private final Role[] detections;
  private final List<ImageBox> dontCare;
  private final int countedTruths;

  private FrameRoles(Role[] truth, Role[] detections, List<ImageBox> dontCare,
      int countedTruths) {
    this.truth = truth;
    this.detections = detections;
    this.dontCare = dontCare;
    this.countedTruths = countedTruths;
  }

  static FrameRoles of(KittiFrame frame, KittiClass cls, KittiDifficulty difficulty) {
    Role[] truth = new Role[frame.truth().size()];
    List<ImageBox> dontCare = new ArrayList<>();
    int counted = 0;
    for (int i = 0; i < truth.length; i++) {
      KittiGroundTruth object = frame.truth().get(i);
      if (cls.is(object.type()) && !difficulty.excludes(object)) {
        truth[i] = Role.COUNTED;
        counted++;
      } else if (cls.is(object.type()) || cls.isNeighbour(object.type())) {
        truth[i] = Role.IGNORED;
      } else {
        truth[i] = Role.OTHER;
      }
      if ("DontCare".equalsIgnoreCase(object.type())) {
        dontCare.add(object.box());
      }
    }
    Role[] detections = new Role[frame.detections().size()];
    for (int j = 0; j < detections.length; j++) {
      KittiDetection detection = frame.detections().get(j);
      // The devkit tests the height before the class, so a small detection of any class is
      // ignored rather than left out, and can absorb a ground-truth match like an ignored one.
      if (difficulty.tooSmall(detection)) {
        detections[j] = Role.IGNORED;
      } else {
        detections[j] = cls.is(detection.type()) ? Role.COUNTED : Role.OTHER;
      }
    }
    return new FrameRoles(truth, detections, Collections.unmodifiableList(dontCare), counted);
  }

  Role truth(int i) {
    return truth[i];
  }

  Role detection(int j) {
    return detections[j];
  }

  List<ImageBox> dontCare() {
    return dontCare;
  }

  /** The ground-truth objects that recall is measured against. */
  int countedTruths() {
    return countedTruths;
  }
}
