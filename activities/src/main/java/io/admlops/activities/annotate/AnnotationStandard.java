package io.admlops.activities.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.YamlFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a dataset is annotated: its classes (from the dataset definition) with what each covers,
 * the box rules and the attributes every box carries. Read from the {@code annotation} section
 * of a dataset definition file; a definition without one has classes only.
 *
 * @param definition the dataset definition: name, classes, class mapping
 * @param classDescriptions class to what it covers, for the classes the file describes
 * @param minBoxHeight pixels; objects whose box would be shorter are not labeled (0: no limit)
 * @param boxRules how boxes are drawn, one rule per entry
 * @param attributes the attributes every box carries, in the file's order
 */
public record AnnotationStandard(DatasetDefinition definition,
    Map<String, String> classDescriptions, double minBoxHeight, List<String> boxRules,
    List<AttributeSpec> attributes) {

  /** Bound to {@code FrameObject.occlusion}: the values in order are KITTI's codes 0 to 3. */
  public static final String OCCLUSION = "occlusion";
  /** Bound to {@code FrameObject.truncation}: the first value is 0, any other 1. */
  public static final String TRUNCATION = "truncation";

  private static final int KITTI_OCCLUSION_CODES = 4;

  public AnnotationStandard {
    classDescriptions = Map.copyOf(classDescriptions);
    boxRules = List.copyOf(boxRules);
    attributes = List.copyOf(attributes);
  }

  /**
   * Reads a dataset definition file with its annotation standard.
   *
   * @throws UserInputException naming the file and the field at fault
   */
  public static AnnotationStandard load(Path file) {
    DatasetDefinition definition = DatasetDefinition.load(file);
    JsonNode annotation = YamlFiles.read(file, "dataset definition").path("annotation");
    if (annotation.isMissingNode() || annotation.isNull()) {
      return new AnnotationStandard(definition, Map.of(), 0, List.of(), List.of());
    }
    if (!annotation.isObject()) {
      throw new UserInputException(file + ": field 'annotation' must be a mapping with classes, "
          + "boxes and attributes");
    }
    JsonNode boxes = annotation.path("boxes");
    return new AnnotationStandard(definition,
        descriptions(file, annotation.path("classes"), definition.classes()),
        minHeight(file, boxes.path("minHeight")),
        texts(file, boxes.path("rules"), "annotation.boxes.rules"),
        attributes(file, annotation.path("attributes")));
  }

  /** The classes, in the order the definition lists them. */
  public List<String> classes() {
    return definition.classes();
  }

  /** How returned class names become the dataset's. */
  public Taxonomy taxonomy() {
    return Taxonomy.of(definition);
  }

  /** The attribute of that name, if the standard has it. */
  public Optional<AttributeSpec> attribute(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  private static Map<String, String> descriptions(Path file, JsonNode node,
      List<String> classes) {
    Map<String, String> descriptions = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return descriptions;
    }
    if (!node.isObject()) {
      throw new UserInputException(file + ": field 'annotation.classes' must map classes to "
          + "what they cover");
    }
    node.fields().forEachRemaining(e -> {
      String at = "annotation.classes." + e.getKey();
      if (!classes.contains(e.getKey())) {
        throw new UserInputException(file + ": " + at + " is not one of classes " + classes);
      }
      if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
        throw new UserInputException(file + ": " + at + " must be a description");
      }
      descriptions.put(e.getKey(), e.getValue().asText().trim());
    });
    return descriptions;
  }

  private static double minHeight(Path file, JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return 0;
    }
    if (!node.isNumber() || node.asDouble() < 0) {
      throw new UserInputException(file + ": annotation.boxes.minHeight must be a number of "
          + "pixels, 0 or more");
    }
    return node.asDouble();
  }

  private static List<String> texts(Path file, JsonNode node, String field) {
    List<String> texts = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return texts;
    }
    if (!node.isArray()) {
      throw new UserInputException(file + ": " + field + " must be a list of text");
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode text = node.get(i);
      if (!text.isTextual() || text.asText().isBlank()) {
        throw new UserInputException(file + ": " + field + "[" + i + "] must be text");
      }
      texts.add(text.asText().trim());
    }
    return texts;
  }

  private static List<AttributeSpec> attributes(Path file, JsonNode node) {
    List<AttributeSpec> attributes = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return attributes;
    }
    if (!node.isObject()) {
      throw new UserInputException(file + ": field 'annotation.attributes' must map attribute "
          + "names to a description and values");
    }
    node.fields().forEachRemaining(e -> {
      String at = "annotation.attributes." + e.getKey();
      JsonNode description = e.getValue().path("description");
      if (!description.isTextual() || description.asText().isBlank()) {
        throw new UserInputException(file + ": " + at + ".description must be text");
      }
      List<String> values = texts(file, e.getValue().path("values"), at + ".values");
      if (values.isEmpty() || values.stream().distinct().count() != values.size()) {
        throw new UserInputException(file + ": " + at + ".values must list distinct values");
      }
      if (e.getKey().equals(OCCLUSION) && values.size() > KITTI_OCCLUSION_CODES) {
        throw new UserInputException(file + ": " + at + ".values are KITTI's occlusion codes "
            + "0 to 3 in order; found " + values.size() + " values");
      }
      if (e.getKey().equals(TRUNCATION) && values.size() < 2) {
        throw new UserInputException(file + ": " + at + ".values need a value for not "
            + "truncated, then one for truncated");
      }
      attributes.add(new AttributeSpec(e.getKey(), description.asText().trim(), values));
    });
    return attributes;
  }
}
