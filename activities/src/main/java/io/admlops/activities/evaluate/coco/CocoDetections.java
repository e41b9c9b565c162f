package io.admlops.activities.evaluate.coco;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The detections evaluated against a {@link CocoGroundTruth}, from a results file or from
 * memory. Every detection must refer to an image and a category of the ground truth;
 * pycocotools refuses a results file with an unknown image, and a detection of an unknown
 * category would be dropped without a word, so both are faults here.
 */
public final class CocoDetections {

  private final Map<ImageCategory, List<DetectionBox>> boxes = new HashMap<>();

  private CocoDetections() {}

  /** Checks and groups each detection as it is read, so the file never stands in memory. */
  static CocoDetections read(Path file, CocoGroundTruth truth) throws IOException {
    CocoJson json = new CocoJson(file);
    CocoDetections detections = new CocoDetections();
    CocoResult.readEach(json, (result, at) -> {
      if (!truth.hasImage(result.imageId())) {
        throw truth.unknown(json, at + "/image_id", "image", result.imageId());
      }
      if (!truth.hasCategory(result.categoryId())) {
        throw truth.unknown(json, at + "/category_id", "category", result.categoryId());
      }
      detections.add(result);
    });
    return detections;
  }

  /**
   * Detections held in memory, in the order a results file would list them (which breaks
   * ties between equal scores).
   *
   * @throws IllegalArgumentException when a detection names an image or category the ground
   *     truth does not have
   */
  public static CocoDetections of(List<CocoResult> results, CocoGroundTruth truth) {
    CocoDetections detections = new CocoDetections();
    for (CocoResult result : results) {
      if (!truth.hasImage(result.imageId()) || !truth.hasCategory(result.categoryId())) {
        throw new IllegalArgumentException("detection " + result
            + " names an image or category that is not in the ground truth");
      }
      detections.add(result);
    }
    return detections;
  }

  /** Each image and category keeps its detections in the order they were given. */
  private void add(CocoResult result) {
    boxes.computeIfAbsent(new ImageCategory(result.imageId(), result.categoryId()),
        k -> new ArrayList<>()).add(new DetectionBox(result.box(), result.score()));
  }

  /** The images and categories with at least one box. */
  Set<ImageCategory> units() {
    return Collections.unmodifiableSet(boxes.keySet());
  }

  List<DetectionBox> boxes(ImageCategory unit) {
    return boxes.getOrDefault(unit, List.of());
  }
}
