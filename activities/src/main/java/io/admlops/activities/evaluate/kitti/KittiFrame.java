package io.admlops.activities.evaluate.kitti;

import java.util.List;

/**
 * The ground truth and the detections of one image, in file order; the devkit matches in
 * that order, so it is kept.
 *
 * @param name the file name both come from, e.g. {@code 000123.txt}
 */
public record KittiFrame(String name, List<KittiGroundTruth> truth,
    List<KittiDetection> detections) {

  public KittiFrame {
    truth = List.copyOf(truth);
    detections = List.copyOf(detections);
  }
}
