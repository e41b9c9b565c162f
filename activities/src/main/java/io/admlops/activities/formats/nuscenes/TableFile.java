package io.admlops.activities.formats.nuscenes;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Streams the records of one nuScenes table, a JSON array of objects, one record at a time:
 * in v1.0-trainval, sample_data and ego_pose hold millions of records and sample_annotation
 * over a million, more than should sit in memory as trees.
 */
final class TableFile {

  private TableFile() {}

  /**
   * Hands each object of the table's array to the consumer; anything else in the array is an
   * error at its index.
   *
   * @throws UserInputException when the file is missing, not JSON, or not an array; it names
   *     the file (and the line and column of a syntax error)
   */
  static void forEachRow(Path file, ProblemLog problems, Consumer<TableRow> consumer)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UserInputException(file + ": missing; a nuScenes table folder holds this table");
    }
    try (JsonParser p = Mappers.json().createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new UserInputException(file + ": expected a JSON array of records");
      }
      for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
        String location = ProblemLog.at(file, "/" + i);
        if (p.currentToken() != JsonToken.START_OBJECT) {
          problems.error(location, "expected a record (a JSON object); it is left out");
          p.skipChildren();
          continue;
        }
        consumer.accept(new TableRow(Mappers.json().readTree(p), i, location));
      }
    } catch (JsonParseException e) {
      throw new UserInputException(file + ":" + e.getLocation().getLineNr() + ":"
          + e.getLocation().getColumnNr() + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
