package io.admlops.activities.collect.generator;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.collect.generator.ScenarioMix.Camera;
import io.admlops.activities.collect.generator.ScenarioMix.Range;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.SceneAttributes;
import io.admlops.schemas.json.YamlFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a scenario mix file field by field, so every mistake is reported with the file and the
 * field (e.g. {@code camera.height}) and an unknown key is an error rather than ignored.
 */
final class ScenarioMixReader {

  private static final List<String> TOP_LEVEL = List.of("image", "camera", "framesPerSequence",
      "frameInterval", "egoSpeed", "timeOfDay", "weather", "sceneType", "objectsPerFrame",
      "classes", "occluderProbability");
  private static final int DEFAULT_WIDTH = 384;
  private static final int DEFAULT_HEIGHT = 128;
  private static final int MAX_IMAGE_SIDE = 4096;
  /** A focal length of 0.57 image widths gives KITTI's horizontal field of view of 82°. */
  private static final double DEFAULT_FOCAL_PER_WIDTH = 0.57;
  private static final double DEFAULT_CAMERA_HEIGHT = 1.6;
  private static final int DEFAULT_FRAMES_PER_SEQUENCE = 20;
  private static final double DEFAULT_FRAME_INTERVAL = 0.1;
  /** Class weights of a typical urban fleet: cars dominate, buses and motorcycles are rare. */
  private static final List<Double> DEFAULT_CLASS_WEIGHTS =
      List.of(50.0, 6.0, 2.0, 16.0, 6.0, 2.0, 8.0, 10.0);

  private final Path file;

  ScenarioMixReader(Path file) {
    this.file = file;
  }

  ScenarioMix read() {
    JsonNode root = parse();
    knownKeys(root, "", TOP_LEVEL);
    JsonNode image = section(root, "image", List.of("width", "height"));
    int width = (int) number(image, "image.width", DEFAULT_WIDTH, 16, MAX_IMAGE_SIDE, true);
    int height = (int) number(image, "image.height", DEFAULT_HEIGHT, 16, MAX_IMAGE_SIDE, true);
    JsonNode camera = section(root, "camera",
        List.of("focalLength", "principalX", "principalY", "height"));
    Camera cam = new Camera(
        number(camera, "camera.focalLength", DEFAULT_FOCAL_PER_WIDTH * width, 1, 1e5, false),
        number(camera, "camera.principalX", width / 2.0, 0, width, false),
        number(camera, "camera.principalY", height / 2.0, 0, height, false),
        number(camera, "camera.height", DEFAULT_CAMERA_HEIGHT, 0.3, 5, false));
    int frames = (int) number(root, "framesPerSequence", DEFAULT_FRAMES_PER_SEQUENCE, 1, 10_000,
        true);
    double interval = number(root, "frameInterval", DEFAULT_FRAME_INTERVAL, 0.01, 10, false);
    Range speed = range(root, "egoSpeed", new Range(5, 25), 0, 60, false);
    Range objects = range(root, "objectsPerFrame", new Range(2, 10), 0, 100, true);
    return new ScenarioMix(width, height, cam, frames, interval, speed,
        weights(root, "timeOfDay", SceneAttributes.TIMES_OF_DAY, SceneAttributes.TIMES_OF_DAY),
        weights(root, "weather", SceneAttributes.WEATHERS, ScenarioMix.RENDERED_WEATHERS),
        weights(root, "sceneType", SceneAttributes.SCENE_TYPES,
            ScenarioMix.RENDERED_SCENE_TYPES),
        objects, classWeights(root),
        number(root, "occluderProbability", 0.25, 0, 1, false));
  }

  private JsonNode parse() {
    JsonNode root = YamlFiles.read(file, "scenario mix");
    if (root == null || !root.isObject()) {
      throw error("expected a mapping with timeOfDay, weather and sceneType weights");
    }
    return root;
  }

  private JsonNode section(JsonNode root, String field, List<String> keys) {
    JsonNode node = root.path(field);
    if (!node.isMissingNode() && !node.isObject()) {
      throw error("field '" + field + "' must be a mapping of " + keys);
    }
    knownKeys(node, field + ".", keys);
    return node;
  }

  private void knownKeys(JsonNode node, String prefix, List<String> keys) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!keys.contains(name)) {
        throw error("unknown field '" + prefix + name + "', expected one of " + keys);
      }
    }
  }

  /** A number at a dotted path below the given node, or the default when absent. */
  private double number(JsonNode parent, String path, double fallback, double min, double max,
      boolean whole) {
    JsonNode node = parent.path(path.substring(path.lastIndexOf('.') + 1));
    if (node.isMissingNode() || node.isNull()) {
      return fallback;
    }
    if (!node.isNumber() || (whole && !node.canConvertToInt())
        || (whole && node.asDouble() != Math.rint(node.asDouble()))) {
      throw error("field '" + path + "' must be " + (whole ? "a whole number" : "a number")
          + ", got " + node);
    }
    double value = node.asDouble();
    if (value < min || value > max) {
      throw error("field '" + path + "' must be between " + min + " and " + max + ", got "
          + node);
    }
    return value;
  }

  private Range range(JsonNode root, String field, Range fallback, double min, double max,
      boolean whole) {
    JsonNode node = section(root, field, List.of("min", "max"));
    if (node.isMissingNode()) {
      return fallback;
    }
    Range range = new Range(number(node, field + ".min", fallback.min(), min, max, whole),
        number(node, field + ".max", fallback.max(), min, max, whole));
    if (range.min() > range.max()) {
      throw error("field '" + field + "' has min " + range.min() + " above max " + range.max());
    }
    return range;
  }

  /** Condition weights; a vocabulary value the generator cannot render is an error too. */
  private Weights weights(JsonNode root, String field, List<String> vocabulary,
      List<String> rendered) {
    JsonNode node = root.path(field);
    if (!node.isObject() || node.isEmpty()) {
      throw error("field '" + field + "' must map some of " + rendered + " to weights");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!vocabulary.contains(name)) {
        throw error(field + " '" + name + "' is not one of " + vocabulary);
      }
      if (!rendered.contains(name)) {
        throw error(field + " '" + name + "' is not rendered by the generator, only "
            + rendered);
      }
    }
    return weightsOver(node, field, rendered);
  }

  private Weights classWeights(JsonNode root) {
    JsonNode node = root.path("classes");
    if (node.isMissingNode()) {
      return new Weights(ScenarioMix.CLASSES, DEFAULT_CLASS_WEIGHTS);
    }
    if (!node.isObject() || node.isEmpty()) {
      throw error("field 'classes' must map some of " + ScenarioMix.CLASSES + " to weights");
    }
    knownKeys(node, "classes.", ScenarioMix.CLASSES);
    return weightsOver(node, "classes", ScenarioMix.CLASSES);
  }

  /** Weights in the order of the known names; a name the file leaves out weighs 0. */
  private Weights weightsOver(JsonNode node, String field, List<String> names) {
    List<Double> values = new ArrayList<>();
    for (String name : names) {
      JsonNode value = node.path(name);
      if (value.isMissingNode()) {
        values.add(0.0);
      } else if (!value.isNumber() || value.asDouble() < 0
          || !Double.isFinite(value.asDouble())) {
        throw error(field + " weights must be non-negative numbers, " + name + " is " + value);
      } else {
        values.add(value.asDouble());
      }
    }
    if (values.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      throw error(field + " weights must not all be 0");
    }
    return new Weights(names, values);
  }

  private UserInputException error(String message) {
    return new UserInputException(file + ": " + message);
  }
}
