package io.admlops.workers.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.json.Mappers;
import org.jooq.JSONB;

/** The registry's jsonb columns as JSON trees, to read fields from and to pass on as they are. */
final class JsonColumns {

  private JsonColumns() {}

  /** The column's value as a tree, or null where the column is NULL. */
  static JsonNode tree(JSONB column) {
    if (column == null) {
      return null;
    }
    try {
      return Mappers.json().readTree(column.data());
    } catch (JsonProcessingException e) {
      // PostgreSQL keeps only valid JSON in a jsonb column.
      throw new IllegalStateException("a jsonb column holds no JSON: " + column.data(), e);
    }
  }
}
