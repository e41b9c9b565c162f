package io.admlops.activities.evaluate.coco;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A COCO results file: a list of {@code {image_id, category_id, bbox, score}}. Every
 * detection must refer to an image and a category of the ground truth; pycocotools refuses a
 * results file with an unknown image, and a detection of an unknown category would be dropped
 * without a word, so both are faults here.
 */
final class CocoDetections {

  private final Map<ImageCategory, List<DetectionBox>> boxes;

  private CocoDetections(Map<ImageCategory, List<DetectionBox>> boxes) {
    this.boxes = boxes;
  }

  static CocoDetections read(Path file, CocoGroundTruth truth) throws IOException {
    CocoJson json = new CocoJson(file);
    JsonNode results = json.array(json.read(), "");
    Map<ImageCategory, List<DetectionBox>> boxes = new HashMap<>();
    for (int i = 0; i < results.size(); i++) {
      String at = "/" + i;
      JsonNode result = json.object(results.get(i), at);
      long imageId = json.integer(result, "image_id", at);
      if (!truth.hasImage(imageId)) {
        throw truth.unknown(json, at + "/image_id", "image", imageId);
      }
      long categoryId = json.integer(result, "category_id", at);
      if (!truth.hasCategory(categoryId)) {
        throw truth.unknown(json, at + "/category_id", "category", categoryId);
      }
      double[] box = json.box(result, at);
      double score = json.number(result, "score", at, false);
      boxes.computeIfAbsent(new ImageCategory(imageId, categoryId), k -> new ArrayList<>())
          .add(new DetectionBox(i + 1, box, score));
    }
    return new CocoDetections(boxes);
  }

  List<DetectionBox> boxes(ImageCategory unit) {
    return boxes.getOrDefault(unit, List.of());
  }
}
