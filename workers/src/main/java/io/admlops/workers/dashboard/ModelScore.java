package io.admlops.workers.dashboard;

import java.util.Map;

/**
 * A model version's stored evaluation on a benchmark split: overall, per slice and per class.
 *
 * @param model the version, {@code model:version}
 * @param evaluationId the evaluation's row in the registry
 * @param map overall mAP (COCO AP over IoU 0.50:0.95)
 * @param ap50 overall AP at IoU 0.50, or null when not stored
 * @param perClassAp AP of each class with objects in the split
 * @param slices each slice's scores by slice key, e.g. {@code timeofday=night}
 */
public record ModelScore(String model, long evaluationId, double map, Double ap50,
    Map<String, Double> perClassAp, Map<String, SliceScore> slices) {

  /**
   * One slice of an evaluation, as {@code evaluation_slice} holds it.
   *
   * @param frames frames in the slice
   * @param objects objects in the slice that count towards recall
   * @param map the slice's mAP, or null when it has no object to measure against
   */
  public record SliceScore(int frames, int objects, Double map) {}
}
