package io.admlops.activities.evaluate.coco;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The detections evaluated against a {@link CocoGroundTruth}, from a results file or from
 * memory. Every detection must refer to an image and a category of the ground truth;
 * pycocotools refuses a results file with an unknown image, and a detection of an unknown
 * category would be dropped without a word, so both are faults here.
 */
public final class CocoDetections {

  private final Map<ImageCategory, List<DetectionBox>> boxes;

  private CocoDetections(Map<ImageCategory, List<DetectionBox>> boxes) {
    this.boxes = boxes;
  }

  static CocoDetections read(Path file, CocoGroundTruth truth) throws IOException {
    List<CocoResult> results = CocoResult.read(file);
    CocoJson json = new CocoJson(file);
    for (int i = 0; i < results.size(); i++) {
      CocoResult result = results.get(i);
      if (!truth.hasImage(result.imageId())) {
        throw truth.unknown(json, "/" + i + "/image_id", "image", result.imageId());
      }
      if (!truth.hasCategory(result.categoryId())) {
        throw truth.unknown(json, "/" + i + "/category_id", "category", result.categoryId());
      }
    }
    return group(results);
  }

  /**
   * Detections held in memory, in the order a results file would list them (which breaks
   * ties between equal scores).
   *
   * @throws IllegalArgumentException when a detection names an image or category the ground
   *     truth does not have
   */
  public static CocoDetections of(List<CocoResult> results, CocoGroundTruth truth) {
    for (CocoResult result : results) {
      if (!truth.hasImage(result.imageId()) || !truth.hasCategory(result.categoryId())) {
        throw new IllegalArgumentException("detection " + result
            + " names an image or category that is not in the ground truth");
      }
    }
    return group(results);
  }

  /** Ids are 1-based positions, which is how pycocotools' loadRes numbers results. */
  private static CocoDetections group(List<CocoResult> results) {
    Map<ImageCategory, List<DetectionBox>> boxes = new HashMap<>();
    for (int i = 0; i < results.size(); i++) {
      CocoResult result = results.get(i);
      boxes.computeIfAbsent(new ImageCategory(result.imageId(), result.categoryId()),
          k -> new ArrayList<>()).add(new DetectionBox(i + 1, result.box(), result.score()));
    }
    return new CocoDetections(boxes);
  }

  List<DetectionBox> boxes(ImageCategory unit) {
    return boxes.getOrDefault(unit, List.of());
  }
}
