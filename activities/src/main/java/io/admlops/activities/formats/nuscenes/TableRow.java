package io.admlops.activities.formats.nuscenes;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.ProblemLog;

/**
 * One record of a nuScenes table and where it is, with the checked reads its fields need;
 * each failed read is an error at the field's JSON pointer.
 *
 * @param json the record
 * @param index the record's position in the table's array
 * @param location {@code table.json#/index}
 */
record TableRow(JsonNode json, int index, String location) {

  /** The location of one of the record's fields, or of a value inside it. */
  String at(String field) {
    return location + "/" + field;
  }

  /** The field's text; null when it is absent, not text, or blank. */
  String text(String field) {
    JsonNode value = json.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  /** The field's text; null, with an error, when there is none. */
  String requiredText(String field, ProblemLog problems) {
    String value = text(field);
    if (value == null) {
      problems.error(at(field), "missing; expected text");
    }
    return value;
  }

  /** The field as exactly {@code count} finite numbers; null, with an error, otherwise. */
  double[] numbers(String field, int count, ProblemLog problems) {
    double[] values = numbers(json.path(field), count);
    if (values == null) {
      problems.error(at(field), "expected an array of " + count + " numbers");
    }
    return values;
  }

  /** The field as a rows x columns matrix, row-major; null, with an error, otherwise. */
  double[] matrix(String field, int rows, int columns, ProblemLog problems) {
    double[] values = matrix(json.path(field), rows, columns);
    if (values == null) {
      problems.error(at(field), "expected a " + rows + "x" + columns + " matrix of numbers");
    }
    return values;
  }

  private static double[] matrix(JsonNode matrix, int rows, int columns) {
    if (!matrix.isArray() || matrix.size() != rows) {
      return null;
    }
    double[] values = new double[rows * columns];
    for (int r = 0; r < rows; r++) {
      double[] row = numbers(matrix.get(r), columns);
      if (row == null) {
        return null;
      }
      System.arraycopy(row, 0, values, r * columns, columns);
    }
    return values;
  }

  private static double[] numbers(JsonNode array, int count) {
    if (!array.isArray() || array.size() != count) {
      return null;
    }
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      JsonNode value = array.get(i);
      if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
        return null;
      }
      values[i] = value.asDouble();
    }
    return values;
  }
}
