package io.admlops.activities.evaluate.coco;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.PythonJson;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields evaluation needs from a COCO JSON file and stops at the first bad one with
 * its location ({@code file#/json/pointer}). Evaluation cannot leave a record out the way a
 * dataset reader does: a dropped detection or annotation would silently change the score.
 * The file is streamed and its arrays handed over one element at a time, so that a results
 * file of millions of detections never stands in memory as one tree.
 */
final class CocoJson {

  /** Takes one element of an array, with its JSON pointer for error messages. */
  @FunctionalInterface
  interface ElementReader {
    void read(JsonNode element, String pointer);
  }

  private final Path file;

  CocoJson(Path file) {
    this.file = file;
  }

  /** Reads a file whose root is an array, element by element. */
  void readArray(ElementReader reader) throws IOException {
    try (JsonParser p = open()) {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw fault("", "expected an array");
      }
      readElements(p, "", reader);
    } catch (JsonParseException e) {
      throw PythonJson.invalid(file, e);
    }
  }

  /**
   * Reads a file whose root is an object: each array named in {@code arrays} element by
   * element, in file order; other fields are skipped. A named array that is missing is a
   * fault, reported in the order of {@code arrays}.
   */
  void readObject(Map<String, ElementReader> arrays) throws IOException {
    try (JsonParser p = open()) {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw fault("", "expected an object");
      }
      Set<String> seen = new HashSet<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        ElementReader reader = arrays.get(name);
        if (reader == null) {
          p.skipChildren();
          continue;
        }
        if (value != JsonToken.START_ARRAY) {
          throw fault("/" + name, "expected an array");
        }
        if (!seen.add(name)) {
          throw fault("/" + name, name + " appears twice");
        }
        readElements(p, "/" + name, reader);
      }
      for (String name : arrays.keySet()) {
        if (!seen.contains(name)) {
          throw fault("/" + name, "expected an array");
        }
      }
    } catch (JsonParseException e) {
      throw PythonJson.invalid(file, e);
    }
  }

  /**
   * A parser at the file's first token. NaN is accepted by the parser so that it can be
   * reported where it is; doubles are parsed by Jackson's fast parser, which rounds exactly
   * as the JDK's does.
   */
  private JsonParser open() throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UserInputException(file + ": no such file");
    }
    JsonParser p = PythonJson.open(file);
    p.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
    if (p.nextToken() == null) {
      p.close();
      throw new UserInputException(file + ": the file is empty");
    }
    return p;
  }

  private static void readElements(JsonParser p, String pointer, ElementReader reader)
      throws IOException {
    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
      reader.read(Mappers.json().readTree(p), pointer + "/" + i);
    }
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
