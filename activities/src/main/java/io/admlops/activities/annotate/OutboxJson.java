package io.admlops.activities.annotate;

import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON files of the annotation round trip: indented for people who open them, ending with a
 * newline, and the same bytes for the same value, so writing a job twice changes nothing.
 */
final class OutboxJson {

  private OutboxJson() {}

  static void write(Object value, Path file) throws IOException {
    Files.writeString(file, Mappers.json().writerWithDefaultPrettyPrinter()
        .writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
  }
}
