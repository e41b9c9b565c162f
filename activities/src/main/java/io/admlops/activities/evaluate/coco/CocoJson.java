package io.admlops.activities.evaluate.coco;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.PythonJson;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the fields evaluation needs from a COCO JSON file and stops at the first bad one with
 * its location ({@code file#/json/pointer}). Evaluation cannot leave a record out the way a
 * dataset reader does: a dropped detection or annotation would silently change the score.
 */
final class CocoJson {

  private final Path file;

  CocoJson(Path file) {
    this.file = file;
  }

  /** The whole file; NaN is accepted by the parser so that it can be reported where it is. */
  JsonNode read() throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UserInputException(file + ": no such file");
    }
    try (JsonParser p = PythonJson.open(file)) {
      JsonNode root = Mappers.json().readTree(p);
      if (root == null) {
        throw new UserInputException(file + ": the file is empty");
      }
      return root;
    } catch (JsonParseException e) {
      throw PythonJson.invalid(file, e);
    }
  }

  /** The array at {@code pointer}, or an error naming it. */
  JsonNode array(JsonNode node, String pointer) {
    if (!node.isArray()) {
      throw fault(pointer, "expected an array");
    }
    return node;
  }

  /** The element at {@code pointer}, which must be an object. */
  JsonNode object(JsonNode node, String pointer) {
    if (!node.isObject()) {
      throw fault(pointer, "expected an object");
    }
    return node;
  }

  long integer(JsonNode parent, String field, String pointer) {
    JsonNode value = parent.path(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw fault(pointer + "/" + field, field + " must be an integer");
    }
    return value.asLong();
  }

  String text(JsonNode parent, String field, String pointer) {
    JsonNode value = parent.path(field);
    if (!value.isTextual()) {
      throw fault(pointer + "/" + field, field + " must be a string");
    }
    return value.asText();
  }

  /** A number; NaN only where the caller allows it, since some tools write it for areas. */
  double number(JsonNode parent, String field, String pointer, boolean nanAllowed) {
    JsonNode value = parent.path(field);
    if (!value.isNumber()) {
      throw fault(pointer + "/" + field, field + " must be a number");
    }
    double number = value.asDouble();
    if (Double.isNaN(number) && !nanAllowed) {
      throw fault(pointer + "/" + field, field + " is NaN");
    }
    return number;
  }

  /** A box {@code [x, y, width, height]} of four finite numbers. */
  double[] box(JsonNode parent, String pointer) {
    JsonNode value = parent.path("bbox");
    boolean fourNumbers = value.isArray() && value.size() == 4;
    double[] box = new double[4];
    for (int i = 0; fourNumbers && i < 4; i++) {
      fourNumbers = value.get(i).isNumber() && Double.isFinite(value.get(i).asDouble());
      box[i] = value.get(i).asDouble();
    }
    if (!fourNumbers) {
      throw fault(pointer + "/bbox", "bbox must be 4 finite numbers [x, y, width, height]");
    }
    return box;
  }

  UserInputException fault(String pointer, String message) {
    return new UserInputException(ProblemLog.at(file, pointer) + ": " + message);
  }
}
