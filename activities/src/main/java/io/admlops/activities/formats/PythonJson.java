package io.admlops.activities.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * JSON as the field's Python tools write it. Python's json module writes NaN, so COCO and
 * BDD100K files may hold it, and pycocotools reads it; such values must parse so validation
 * can report them instead of failing on the whole file.
 */
public final class PythonJson {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private PythonJson() {}

  /** A streaming parser over the file. */
  public static JsonParser open(Path file) throws IOException {
    return FACTORY.createParser(file.toFile());
  }

  /** A file that is not JSON at all, as a one-line error at its line and column. */
  public static UserInputException invalid(Path file, JsonParseException e) {
    return new UserInputException(file + ":" + e.getLocation().getLineNr() + ":"
        + e.getLocation().getColumnNr() + ": not valid JSON: " + e.getOriginalMessage(), e);
  }
}
