package io.admlops.activities.evaluate.slices;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.admlops.activities.evaluate.coco.CocoEvaluation;
import io.admlops.activities.evaluate.coco.CocoSizeEvaluation;
import io.admlops.activities.evaluate.coco.CocoStat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The COCO metrics of one slice. Where the slice has no ground-truth object to measure
 * against, mAP and AP50 are absent (null), not 0; so is the AP of a class without objects in
 * the slice, which is left out of {@code perClassAp}.
 *
 * @param frameCount frames in the slice
 * @param objectCount objects that count towards recall: not crowd regions, not ignored
 *     regions
 * @param map AP over IoU 0.50:0.95, at most 100 detections per frame
 * @param ap50 AP at IoU 0.50
 * @param perClassAp AP over IoU 0.50:0.95 of each class that has objects in the slice
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SliceResult(int frameCount, int objectCount, Double map, Double ap50,
    Map<String, Double> perClassAp) {

  public SliceResult {
    perClassAp = Collections.unmodifiableMap(new LinkedHashMap<>(perClassAp));
  }

  static SliceResult of(int frameCount, int objectCount, CocoEvaluation evaluation) {
    return new SliceResult(frameCount, objectCount, measured(evaluation.stat(CocoStat.AP)),
        measured(evaluation.stat(CocoStat.AP50)), measured(evaluation.perClassAp()));
  }

  static SliceResult of(CocoSizeEvaluation size) {
    return new SliceResult(size.images(), size.objects(), measured(size.ap()),
        measured(size.ap50()), measured(size.perClassAp()));
  }

  /** COCO writes -1 for "nothing to measure". */
  private static Double measured(double value) {
    return value < 0 ? null : value;
  }

  private static Map<String, Double> measured(Map<String, Double> perClass) {
    Map<String, Double> measured = new LinkedHashMap<>();
    perClass.forEach((name, ap) -> {
      if (ap >= 0) {
        measured.put(name, ap);
      }
    });
    return measured;
  }
}
