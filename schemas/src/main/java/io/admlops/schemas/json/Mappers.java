package io.admlops.schemas.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one place that configures Jackson. Temporal payloads, JSONB columns, manifests and
 * YAML configs all go through mappers from here, so a record reads back the same way
 * wherever it was written.
 */
public final class Mappers {

  private static final ObjectMapper JSON = configure(JsonMapper.builder()).build();
  private static final ObjectMapper YAML = configure(YAMLMapper.builder()).build();

  private Mappers() {}

  /** The JSON mapper; thread-safe and shared. */
  public static ObjectMapper json() {
    return JSON;
  }

  /** The YAML mapper for files people edit under {@code configs/}; thread-safe and shared. */
  public static ObjectMapper yaml() {
    return YAML;
  }

  private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
    return builder
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        // Timestamps as ISO-8601 text: readable in the Temporal UI and in psql.
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        // Records evolve by adding fields; an older reader must not fail on a newer payload.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
