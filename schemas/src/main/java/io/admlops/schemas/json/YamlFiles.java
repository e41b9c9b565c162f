package io.admlops.schemas.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the YAML files people edit under {@code configs/}, with errors a person can act on. */
public final class YamlFiles {

  private YamlFiles() {}

  /**
   * Parses a file; the caller checks its shape.
   *
   * @param what what the file is, for the message when it cannot be read, e.g.
   *     {@code "scenario mix"}
   * @return the document, or null for an empty file
   * @throws UserInputException {@code file:line:column: problem} for a syntax error, or naming
   *     the file when it cannot be read
   */
  public static JsonNode read(Path file, String what) {
    try {
      return Mappers.yaml().readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new UserInputException(file + ":" + e.getLocation().getLineNr() + ":"
          + e.getLocation().getColumnNr() + ": "
          + e.getOriginalMessage().lines().findFirst().orElse("not YAML"), e);
    } catch (IOException e) {
      throw new UserInputException("cannot read " + what + " " + file + ": " + e, e);
    }
  }
}
