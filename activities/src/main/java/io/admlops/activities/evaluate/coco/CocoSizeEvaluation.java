package io.admlops.activities.evaluate.coco;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * COCO box evaluation within one object size band (small, medium or large): the objects of
 * other sizes are ignored, as for COCOeval's APs, APm and APl. AP values are -1 where there
 * is no ground-truth object of the size to measure against.
 *
 * @param images how many images hold an object of the size
 * @param objects how many objects of the size count (crowd regions do not)
 * @param ap AP over IoU 0.50:0.95, 100 detections per image; equal to APs, APm or APl
 * @param ap50 AP at IoU 0.50
 * @param perClassAp AP over IoU 0.50:0.95 of each category by name, in category id order
 */
public record CocoSizeEvaluation(int images, int objects, double ap, double ap50,
    Map<String, Double> perClassAp) {

  public CocoSizeEvaluation {
    perClassAp = Collections.unmodifiableMap(new LinkedHashMap<>(perClassAp));
  }
}
