package io.admlops.activities.evaluate.slices;

import io.admlops.activities.evaluate.coco.CocoAnnotation;
import io.admlops.activities.evaluate.coco.CocoDetections;
import io.admlops.activities.evaluate.coco.CocoEvaluation;
import io.admlops.activities.evaluate.coco.CocoEvaluator;
import io.admlops.activities.evaluate.coco.CocoGroundTruth;
import io.admlops.activities.evaluate.coco.CocoResult;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frames and their detections in COCO's terms: images numbered from 1 in frame order,
 * categories from 1 in class order, annotations from 1 (COCOeval takes an annotation id of 0
 * for no match). KITTI's {@code DontCare} regions have no COCO category and take no part; an
 * object's area is its source's (COCO's segment area) where given, else its box's.
 */
final class CocoFrames {

  private final Map<String, Long> categoryIds = new LinkedHashMap<>();

  /** @param classes every class either side names; ones without ground truth score -1 */
  CocoFrames(List<String> classes) {
    for (String c : classes) {
      categoryIds.put(c, (long) categoryIds.size() + 1);
    }
  }

  /** Whether an object takes part in evaluation and counts towards recall. */
  static boolean counts(FrameObject object) {
    return !object.crowd() && takesPart(object);
  }

  /** Whether an object takes part in evaluation at all. */
  static boolean takesPart(FrameObject object) {
    return !Taxonomy.DONT_CARE.equals(object.category());
  }

  /** COCO evaluation of the frames against the detections made on them. */
  CocoEvaluation evaluate(CocoEvaluator evaluator, List<Frame> frames,
      Map<String, List<Detection>> detectionsByFrame) {
    Map<Long, String> categories = new LinkedHashMap<>();
    categoryIds.forEach((name, id) -> categories.put(id, name));
    List<Long> imageIds = new ArrayList<>();
    List<CocoAnnotation> annotations = new ArrayList<>();
    List<CocoResult> results = new ArrayList<>();
    for (Frame frame : frames) {
      long imageId = imageIds.size() + 1;
      imageIds.add(imageId);
      for (FrameObject o : frame.objects()) {
        if (takesPart(o)) {
          Box2D b = o.box();
          annotations.add(new CocoAnnotation(annotations.size() + 1, imageId,
              categoryIds.get(o.category()), b.x1(), b.y1(), b.width(), b.height(),
              o.area() != null ? o.area() : b.area(), o.crowd()));
        }
      }
      for (Detection d : detectionsByFrame.getOrDefault(frame.id(), List.of())) {
        Box2D b = d.box();
        results.add(new CocoResult(imageId, categoryIds.get(d.className()), b.x1(), b.y1(),
            b.width(), b.height(), d.score()));
      }
    }
    CocoGroundTruth truth = CocoGroundTruth.of(imageIds, categories, annotations);
    return evaluator.evaluate(truth, CocoDetections.of(results, truth));
  }
}
