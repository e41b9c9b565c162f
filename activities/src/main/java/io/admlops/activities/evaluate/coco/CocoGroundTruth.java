package io.admlops.activities.evaluate.coco;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A COCO instances file as evaluation uses it: image ids and categories in ascending id order
 * (the order COCOeval walks them), and the annotations of each image and category in file
 * order. Like COCOeval, annotations of images or categories the file does not list take no
 * part.
 */
final class CocoGroundTruth {

  private final Path file;
  private final long[] imageIds;
  private final TreeMap<Long, String> categories;
  private final Map<ImageCategory, List<GroundTruthBox>> boxes;

  private CocoGroundTruth(Path file, long[] imageIds, TreeMap<Long, String> categories,
      Map<ImageCategory, List<GroundTruthBox>> boxes) {
    this.file = file;
    this.imageIds = imageIds;
    this.categories = categories;
    this.boxes = boxes;
  }

  static CocoGroundTruth read(Path file) throws IOException {
    CocoJson json = new CocoJson(file);
    JsonNode root = json.object(json.read(), "");
    TreeSet<Long> images = new TreeSet<>();
    JsonNode imageArray = json.array(root.path("images"), "/images");
    for (int i = 0; i < imageArray.size(); i++) {
      String at = "/images/" + i;
      images.add(json.integer(json.object(imageArray.get(i), at), "id", at));
    }
    TreeMap<Long, String> categories = readCategories(json, root);
    Map<ImageCategory, List<GroundTruthBox>> boxes = new HashMap<>();
    JsonNode annotations = json.array(root.path("annotations"), "/annotations");
    for (int i = 0; i < annotations.size(); i++) {
      String at = "/annotations/" + i;
      JsonNode annotation = json.object(annotations.get(i), at);
      long id = json.integer(annotation, "id", at);
      long imageId = json.integer(annotation, "image_id", at);
      long categoryId = json.integer(annotation, "category_id", at);
      double[] box = json.box(annotation, at);
      double area = json.number(annotation, "area", at, true);
      if (images.contains(imageId) && categories.containsKey(categoryId)) {
        boxes.computeIfAbsent(new ImageCategory(imageId, categoryId), k -> new ArrayList<>())
            .add(new GroundTruthBox(id, box, area, crowd(annotation.path("iscrowd"))));
      }
    }
    long[] imageIds = images.stream().mapToLong(Long::longValue).toArray();
    return new CocoGroundTruth(file, imageIds, categories, boxes);
  }

  /** Category id → name; names must be unique since per-class results are keyed by name. */
  private static TreeMap<Long, String> readCategories(CocoJson json, JsonNode root) {
    TreeMap<Long, String> categories = new TreeMap<>();
    Map<String, Long> byName = new HashMap<>();
    JsonNode array = json.array(root.path("categories"), "/categories");
    for (int i = 0; i < array.size(); i++) {
      String at = "/categories/" + i;
      JsonNode category = json.object(array.get(i), at);
      long id = json.integer(category, "id", at);
      String name = json.text(category, "name", at);
      Long earlier = byName.putIfAbsent(name, id);
      if (earlier != null) {
        throw json.fault(at + "/name", "category name '" + name + "' is also used by category "
            + earlier + "; per-class results need unique names");
      }
      categories.put(id, name);
    }
    return categories;
  }

  /** COCOeval takes any truthy iscrowd as a crowd region; a missing one is not. */
  private static boolean crowd(JsonNode iscrowd) {
    return iscrowd.isBoolean() ? iscrowd.asBoolean() : iscrowd.isNumber()
        && iscrowd.asDouble() != 0;
  }

  long[] imageIds() {
    return imageIds.clone();
  }

  boolean hasImage(long imageId) {
    return Arrays.binarySearch(imageIds, imageId) >= 0;
  }

  boolean hasCategory(long categoryId) {
    return categories.containsKey(categoryId);
  }

  /** Category ids ascending, with their names. */
  TreeMap<Long, String> categories() {
    return new TreeMap<>(categories);
  }

  List<GroundTruthBox> boxes(ImageCategory unit) {
    return boxes.getOrDefault(unit, List.of());
  }

  /** Checked here so that both files' faults read the same way. */
  UserInputException unknown(CocoJson results, String pointer, String what, long id) {
    return results.fault(pointer, what + " " + id + " is not in the ground truth " + file
        + "; results do not correspond to it");
  }
}
