package io.admlops.activities.evaluate.coco;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A COCO instances file, or the same held in memory, as evaluation uses it: image ids and
 * categories in ascending id order (the order COCOeval walks them), and the annotations of
 * each image and category in file order. Like COCOeval, annotations of images or categories
 * the file does not list take no part.
 */
public final class CocoGroundTruth {

  /** The instances file, named in errors about results; null when held in memory. */
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
    TreeSet<Long> images = new TreeSet<>();
    TreeMap<Long, String> categories = new TreeMap<>();
    Map<String, Long> categoriesByName = new HashMap<>();
    Map<ImageCategory, List<GroundTruthBox>> boxes = new HashMap<>();
    Map<String, CocoJson.ElementReader> arrays = new LinkedHashMap<>();
    arrays.put("images", (image, at) ->
        images.add(json.integer(json.object(image, at), "id", at)));
    arrays.put("categories", (category, at) ->
        readCategory(json, json.object(category, at), at, categories, categoriesByName));
    arrays.put("annotations", (annotation, at) ->
        readAnnotation(json, json.object(annotation, at), at, boxes));
    json.readObject(arrays);
    // COCO files list the categories after the annotations, so annotations are kept until
    // both lists are known; then, as in COCOeval, those of unlisted images or categories go.
    boxes.keySet().removeIf(unit ->
        !images.contains(unit.imageId()) || !categories.containsKey(unit.categoryId()));
    long[] imageIds = images.stream().mapToLong(Long::longValue).toArray();
    return new CocoGroundTruth(file, imageIds, categories, boxes);
  }

  /**
   * Ground truth held in memory: the images, the categories by id, and the annotations in the
   * order a file would list them.
   *
   * @throws IllegalArgumentException when two categories share a name, or an annotation names
   *     an image or category not given
   */
  public static CocoGroundTruth of(Collection<Long> imageIds, Map<Long, String> categories,
      List<CocoAnnotation> annotations) {
    if (new HashSet<>(categories.values()).size() != categories.size()) {
      throw new IllegalArgumentException("category names must be unique: " + categories);
    }
    TreeSet<Long> images = new TreeSet<>(imageIds);
    Map<ImageCategory, List<GroundTruthBox>> boxes = new HashMap<>();
    for (CocoAnnotation a : annotations) {
      if (!images.contains(a.imageId()) || !categories.containsKey(a.categoryId())) {
        throw new IllegalArgumentException("annotation " + a
            + " names an image or category that is not given");
      }
      boxes.computeIfAbsent(new ImageCategory(a.imageId(), a.categoryId()),
          k -> new ArrayList<>()).add(a.box());
    }
    return new CocoGroundTruth(null, images.stream().mapToLong(Long::longValue).toArray(),
        new TreeMap<>(categories), boxes);
  }

  /** Category id → name; names must be unique since per-class results are keyed by name. */
  private static void readCategory(CocoJson json, JsonNode category, String at,
      TreeMap<Long, String> categories, Map<String, Long> categoriesByName) {
    long id = json.integer(category, "id", at);
    String name = json.text(category, "name", at);
    Long earlier = categoriesByName.putIfAbsent(name, id);
    if (earlier != null) {
      throw json.fault(at + "/name", "category name '" + name + "' is also used by category "
          + earlier + "; per-class results need unique names");
    }
    categories.put(id, name);
  }

  private static void readAnnotation(CocoJson json, JsonNode annotation, String at,
      Map<ImageCategory, List<GroundTruthBox>> boxes) {
    long id = json.integer(annotation, "id", at);
    long imageId = json.integer(annotation, "image_id", at);
    long categoryId = json.integer(annotation, "category_id", at);
    double[] box = json.box(annotation, at);
    double area = json.number(annotation, "area", at, true);
    boxes.computeIfAbsent(new ImageCategory(imageId, categoryId), k -> new ArrayList<>())
        .add(new GroundTruthBox(id, box, area, crowd(annotation.path("iscrowd"))));
  }

  /** COCOeval takes any truthy iscrowd as a crowd region; a missing one is not. */
  private static boolean crowd(JsonNode iscrowd) {
    return iscrowd.isBoolean() ? iscrowd.asBoolean() : iscrowd.isNumber()
        && iscrowd.asDouble() != 0;
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

  /** The images and categories with at least one box. */
  Set<ImageCategory> units() {
    return Collections.unmodifiableSet(boxes.keySet());
  }

  List<GroundTruthBox> boxes(ImageCategory unit) {
    return boxes.getOrDefault(unit, List.of());
  }

  /** How many objects count in a size band. */
  int objectsIn(AreaRange band) {
    return (int) boxes.values().stream().flatMap(List::stream)
        .filter(box -> box.countsIn(band)).count();
  }

  /** How many images hold an object that counts in a size band. */
  int imagesWithObjectsIn(AreaRange band) {
    return (int) boxes.entrySet().stream()
        .filter(unit -> unit.getValue().stream().anyMatch(box -> box.countsIn(band)))
        .mapToLong(unit -> unit.getKey().imageId()).distinct().count();
  }

  /** Checked here so that both files' faults read the same way. */
  UserInputException unknown(CocoJson results, String pointer, String what, long id) {
    return results.fault(pointer, what + " " + id + " is not in the ground truth " + file
        + "; results do not correspond to it");
  }
}
