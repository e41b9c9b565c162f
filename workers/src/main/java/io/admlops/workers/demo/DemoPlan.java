package io.admlops.workers.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.UserInputException;
import java.nio.file.Path;

/**
 * The {@code demo:} section of the demo's campaign config, which the campaign itself
 * ignores: the labeled drive the dataset starts from and the drive the benchmark is made of.
 *
 * @param seed the first version of the campaign's dataset
 * @param benchmark the first version of the benchmark dataset every candidate is scored on
 */
public record DemoPlan(DemoDrive seed, DemoDrive benchmark) {

  /**
   * Reads the section of a campaign config.
   *
   * @param file the config, named in errors
   * @throws UserInputException naming the missing or invalid field
   */
  public static DemoPlan of(JsonNode config, Path file) {
    JsonNode demo = config.path("demo");
    return new DemoPlan(drive(demo, "seed", file), drive(demo, "benchmark", file));
  }

  private static DemoDrive drive(JsonNode demo, String name, Path file) {
    JsonNode drive = demo.path(name);
    String field = "demo." + name;
    if (!drive.path("mix").isTextual()) {
      throw new UserInputException(file + ": field '" + field + ".mix' is missing or not text");
    }
    if (!drive.path("frames").canConvertToInt() || drive.path("frames").asInt() <= 0) {
      throw new UserInputException(file + ": field '" + field
          + ".frames' must be a number of frames, 1 or more");
    }
    if (!drive.path("seed").canConvertToLong()) {
      throw new UserInputException(file + ": field '" + field + ".seed' must be a number");
    }
    return new DemoDrive(Path.of(drive.path("mix").asText()), drive.path("frames").asInt(),
        drive.path("seed").asLong());
  }
}
