package io.admlops.activities.annotate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.json.Mappers;
import java.util.Map;

/**
 * An object as Label Studio's result items: a {@code rectanglelabels} item whose position and
 * size are percentages of the image, then a {@code choices} item per attribute value with the
 * same region id, which is how Label Studio stores per-region choices.
 */
final class LabelStudioRegions {

  static final String RECTANGLE = "rectanglelabels";
  static final String CHOICES = "choices";

  private final ObjectAttributes attributes;

  LabelStudioRegions(AnnotationStandard standard) {
    this.attributes = new ObjectAttributes(standard);
  }

  /** Appends the object's items to {@code result}; a prediction's items carry its score. */
  void append(FrameObject o, String regionId, int width, int height, ArrayNode result) {
    ObjectNode rectangle = item(regionId, RECTANGLE, LabelStudioConfig.LABELS, o.box(),
        width, height);
    ((ObjectNode) rectangle.get("value")).putArray(RECTANGLE).add(o.category());
    if (o.score() != null) {
      rectangle.put("score", o.score());
    }
    result.add(rectangle);
    for (Map.Entry<String, String> a : attributes.valuesOf(o).entrySet()) {
      ObjectNode choice = item(regionId, CHOICES, a.getKey(), o.box(), width, height);
      ((ObjectNode) choice.get("value")).putArray(CHOICES).add(a.getValue());
      result.add(choice);
    }
  }

  private static ObjectNode item(String regionId, String type, String fromName, Box2D box,
      int width, int height) {
    ObjectNode item = Mappers.json().createObjectNode();
    item.put("id", regionId);
    item.put("type", type);
    item.put("from_name", fromName);
    item.put("to_name", LabelStudioConfig.IMAGE);
    item.put("original_width", width);
    item.put("original_height", height);
    item.put("image_rotation", 0);
    ObjectNode value = item.putObject("value");
    value.put("x", 100.0 * box.x1() / width);
    value.put("y", 100.0 * box.y1() / height);
    value.put("width", 100.0 * box.width() / width);
    value.put("height", 100.0 * box.height() / height);
    value.put("rotation", 0);
    return item;
  }
}
