package io.admlops.activities.predict;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.PythonJson;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image and category ids a COCO results file uses. A results file names images and
 * categories only by id, so predictions to be scored against a ground-truth file must take
 * its ids: images by {@code file_name}, categories by {@code name}. Without one, images are
 * numbered from 1 in path order and categories from 1 in the model's class order.
 */
final class CocoIds {

  private final Map<String, Long> imageIds;
  private final Map<String, Long> categoryIds;

  private CocoIds(Map<String, Long> imageIds, Map<String, Long> categoryIds) {
    this.imageIds = imageIds;
    this.categoryIds = categoryIds;
  }

  /** Ids by enumeration: images in the order given, classes in the model's order. */
  static CocoIds numbered(List<String> imageNames, List<String> classes) {
    Map<String, Long> images = new HashMap<>();
    for (int i = 0; i < imageNames.size(); i++) {
      images.put(imageNames.get(i), i + 1L);
    }
    Map<String, Long> categories = new HashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      categories.put(classes.get(i), i + 1L);
    }
    return new CocoIds(images, categories);
  }

  /**
   * The ids of a COCO instances file.
   *
   * @throws UserInputException naming the file and the JSON pointer of a missing field
   */
  static CocoIds from(Path groundTruth) throws IOException {
    if (!Files.isRegularFile(groundTruth)) {
      throw new UserInputException(groundTruth + ": no such file");
    }
    JsonNode root;
    try (JsonParser parser = PythonJson.open(groundTruth)) {
      root = Mappers.json().readTree(parser);
    } catch (JsonParseException e) {
      throw PythonJson.invalid(groundTruth, e);
    }
    return new CocoIds(index(groundTruth, root, "images", "file_name"),
        index(groundTruth, root, "categories", "name"));
  }

  private static Map<String, Long> index(Path file, JsonNode root, String list, String key) {
    JsonNode items = root == null ? null : root.get(list);
    if (items == null || !items.isArray()) {
      throw new UserInputException(file + "#/" + list + ": expected an array");
    }
    Map<String, Long> ids = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String at = file + "#/" + list + "/" + i;
      if (!item.path("id").canConvertToLong() || !item.path(key).isTextual()) {
        throw new UserInputException(at + ": expected an integer id and a " + key);
      }
      ids.put(item.get(key).asText(), item.get("id").asLong());
    }
    return ids;
  }

  /** The id of an image, by its path relative to the images folder or its file name. */
  Optional<Long> image(String relativePath) {
    Long id = imageIds.get(relativePath);
    if (id == null) {
      id = imageIds.get(Path.of(relativePath).getFileName().toString());
    }
    return Optional.ofNullable(id);
  }

  /**
   * The id of a model class; empty when the ground-truth file has no category of that name,
   * so its detections cannot be scored against that file.
   */
  Optional<Long> category(String className) {
    return Optional.ofNullable(categoryIds.get(className));
  }
}
