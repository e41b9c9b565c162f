package io.admlops.activities.formats.bdd100k;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.BoxRules;
import io.admlops.activities.formats.ImageHeaders;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.FrameObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the {@code labels} array of one BDD100K frame into frame objects. Labels without a
 * {@code box2d} are the lane and drivable-area polygons ({@code poly2d}), which are not
 * detection objects and are passed over without a problem.
 */
final class Bdd100kLabelParser {

  private static final String[] CORNERS = {"x1", "y1", "x2", "y2"};
  private static final String[] FLAGS = {"occluded", "truncated"};

  private final Path file;
  private final ReadContext context;

  Bdd100kLabelParser(Path file, ReadContext context) {
    this.file = file;
    this.context = context;
  }

  /**
   * @param labels the frame's {@code labels} array
   * @param pointer the JSON pointer of that array, e.g. {@code /12/labels}
   */
  List<FrameObject> parse(JsonNode labels, String pointer, ImageHeaders.Size image) {
    List<FrameObject> objects = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int j = 0; j < labels.size(); j++) {
      String at = ProblemLog.at(file, pointer + "/" + j);
      JsonNode label = labels.get(j);
      if (!label.isObject()) {
        context.problems().error(at, "expected a label object");
        continue;
      }
      // BDD100K writes label ids as numbers, its newer releases as strings.
      JsonNode idValue = label.path("id");
      boolean hasId = idValue.isTextual() || idValue.isIntegralNumber();
      if (!hasId && !idValue.isMissingNode() && !idValue.isNull()) {
        context.problems().error(at + "/id", "label id must be an integer or text, is "
            + idValue);
        continue;
      }
      String id = hasId ? idValue.asText() : null;
      if (id != null && !ids.add(id)) {
        context.problems().error(at + "/id", "duplicate label id " + id
            + " within the frame; the label is left out");
        continue;
      }
      JsonNode box2d = label.path("box2d");
      if (!box2d.isMissingNode() && !box2d.isNull()) {
        object(label, at, id, image).ifPresent(objects::add);
      }
    }
    return objects;
  }

  private Optional<FrameObject> object(JsonNode label, String at, String id,
      ImageHeaders.Size image) {
    JsonNode category = label.path("category");
    if (!category.isTextual() || category.asText().isBlank()) {
      context.problems().error(at + "/category", "label has no category");
      return Optional.empty();
    }
    Taxonomy.Resolution resolved = context.taxonomy().resolve(category.asText());
    if (!resolved.known()) {
      context.problems().error(at + "/category", "unknown class '" + category.asText()
          + "'; the dataset definition neither lists nor maps it");
      return Optional.empty();
    }
    Optional<Box2D> box = box(label.path("box2d"), at + "/box2d", image);
    if (box.isEmpty()) {
      return Optional.empty();
    }
    JsonNode attributes = label.path("attributes");
    if (!flagsValid(attributes, at) || !resolved.kept()) {
      return Optional.empty();
    }
    // BDD100K only flags truncation and occlusion; the frame schema reads a flag as truncation
    // 1.0 or 0.0 and as KITTI's occlusion code 1 (partly occluded) or 0.
    JsonNode truncated = attributes.path("truncated");
    JsonNode occluded = attributes.path("occluded");
    Double truncation = truncated.isBoolean() ? (truncated.asBoolean() ? 1.0 : 0.0) : null;
    Integer occlusion = occluded.isBoolean() ? (occluded.asBoolean() ? 1 : 0) : null;
    return Optional.of(new FrameObject(id, resolved.category(), box.get(), null, truncation,
        occlusion, null, false, false, null, null, lightColor(attributes)));
  }

  private Optional<Box2D> box(JsonNode box2d, String at, ImageHeaders.Size image) {
    double[] v = new double[CORNERS.length];
    for (int i = 0; i < CORNERS.length; i++) {
      JsonNode corner = box2d.path(CORNERS[i]);
      if (!corner.isNumber()) {
        context.problems().error(at, "box2d needs numbers x1, y1, x2, y2; " + CORNERS[i]
            + " is " + (corner.isMissingNode() ? "missing" : corner.toString()));
        return Optional.empty();
      }
      v[i] = corner.asDouble();
    }
    Box2D box = new Box2D(v[0], v[1], v[2], v[3]);
    Optional<String> bad = BoxRules.problem(box, image.width(), image.height());
    if (bad.isPresent()) {
      context.problems().error(at, bad.get());
      return Optional.empty();
    }
    return Optional.of(box);
  }

  /** Whether the flags present are booleans; reports each that is not. */
  private boolean flagsValid(JsonNode attributes, String at) {
    boolean valid = true;
    for (String name : FLAGS) {
      JsonNode value = attributes.path(name);
      if (!value.isMissingNode() && !value.isNull() && !value.isBoolean()) {
        context.problems().error(at + "/attributes/" + name, name
            + " must be true or false, is " + value);
        valid = false;
      }
    }
    return valid;
  }

  /**
   * The traffic light's color. BDD100K gives every label {@code trafficLightColor}, with
   * {@code none} for everything but traffic lights, so only a real color is kept.
   */
  private static Map<String, String> lightColor(JsonNode attributes) {
    JsonNode color = attributes.path("trafficLightColor");
    if (!color.isTextual() || color.asText().equals("none")) {
      return Map.of();
    }
    return Map.of("trafficLightColor", color.asText());
  }
}
