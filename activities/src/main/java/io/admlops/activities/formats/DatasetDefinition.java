package io.admlops.activities.formats;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.YamlFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset definition from {@code configs/datasets/*.yaml}: the task's taxonomy, how other
 * datasets' classes map onto it, and what the dataset should cover.
 *
 * @param name the dataset's name
 * @param task e.g. {@code detection-2d}
 * @param classes the taxonomy, in the order exporters number them
 * @param map source class name to one of {@code classes}; a null target drops the object
 * @param targets coverage targets, read by the analysis: {@code minInstancesPerClass},
 *     {@code minFramesPerCondition}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetDefinition(String name, String task, List<String> classes,
    Map<String, String> map, JsonNode targets) {

  /**
   * Reads and checks a definition file.
   *
   * @throws UserInputException naming the file and the field at fault
   */
  public static DatasetDefinition load(Path file) {
    JsonNode root = YamlFiles.read(file, "dataset definition");
    if (root == null || !root.isObject()) {
      throw new UserInputException(file + ": expected a mapping with name, classes and map");
    }
    String name = text(file, root, "name");
    List<String> classes = new ArrayList<>();
    JsonNode classList = root.path("classes");
    if (!classList.isArray() || classList.isEmpty()) {
      throw new UserInputException(file + ": field 'classes' must be a non-empty list");
    }
    for (int i = 0; i < classList.size(); i++) {
      JsonNode c = classList.get(i);
      if (!c.isTextual() || c.asText().isBlank()) {
        throw new UserInputException(file + ": classes[" + i + "] must be a class name");
      }
      if (classes.contains(c.asText())) {
        throw new UserInputException(file + ": classes[" + i + "] '" + c.asText()
            + "' is listed twice");
      }
      classes.add(c.asText());
    }
    Map<String, String> map = new LinkedHashMap<>();
    JsonNode mapping = root.path("map");
    if (!mapping.isMissingNode() && !mapping.isNull() && !mapping.isObject()) {
      throw new UserInputException(file + ": field 'map' must map source classes to classes");
    }
    mapping.fields().forEachRemaining(e -> {
      JsonNode target = e.getValue();
      if (!target.isNull() && !classes.contains(target.asText())) {
        throw new UserInputException(file + ": map." + e.getKey() + " -> '" + target.asText()
            + "' is not one of classes " + classes);
      }
      map.put(e.getKey(), target.isNull() ? null : target.asText());
    });
    return new DatasetDefinition(name, root.path("task").asText("detection-2d"), classes, map,
        root.path("targets"));
  }

  private static String text(Path file, JsonNode root, String field) {
    JsonNode node = root.path(field);
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new UserInputException(file + ": field '" + field + "' is missing or not text");
    }
    return node.asText();
  }
}
