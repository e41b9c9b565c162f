package io.admlops.workers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.json.Mappers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** admlops eval kitti as a user runs it. */
class EvalKittiCommandTest {

  private static final String CAR =
      "Car 0.00 0 -1.57 100.00 100.00 200.00 180.00 1.50 1.60 3.90 0.00 1.70 20.00 -1.57";

  @TempDir Path dir;
  private Path labels;
  private Path results;

  @BeforeEach
  void folders() throws Exception {
    labels = Files.createDirectories(dir.resolve("label_2"));
    results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(labels.resolve("000000.txt"), CAR + "\n");
    Files.writeString(labels.resolve("000001.txt"), CAR + "\n");
  }

  /**
   * Two cars, both found, one per frame: two thresholds at precision 1, so R40 is 1/40 and R11
   * 1/11 (a tiny set fills only the first recall positions, as in the devkit).
   */
  @Test
  void printsApR40AndApR11ByClassAndDifficulty() throws Exception {
    Files.writeString(results.resolve("000000.txt"), CAR + " 0.9\n");
    Files.writeString(results.resolve("000001.txt"), CAR + " 0.8\n");

    CliRun table = CliRun.of("eval", "kitti", "--gt-dir", labels.toString(),
        "--dt-dir", results.toString());
    CliRun json = CliRun.of("eval", "kitti", "--gt-dir", labels.toString(),
        "--dt-dir", results.toString(), "--json");

    assertEquals(0, table.exitCode(), table.err());
    assertTrue(table.out().startsWith(
        "            class           easy  moderate      hard\n"
            + "AP_R40 (%)  Car             2.50      2.50      2.50\n"), table.out());
    assertTrue(table.out().contains(
        "AP_R11 (%)  Car             9.09      9.09      9.09\n"), table.out());
    assertTrue(table.out().contains(
        "objects     Pedestrian         0         0         0\n"), table.out());
    JsonNode parsed = Mappers.json().readTree(json.out());
    assertEquals(1.0 / 40, parsed.path("Car").path("hard").path("ap_r40").asDouble(), 1e-15);
    assertEquals(1.0 / 11, parsed.path("Car").path("easy").path("ap_r11").asDouble(), 1e-15);
    assertEquals(2, parsed.path("Car").path("moderate").path("ground_truth").asInt());
  }

  @Test
  void aFaultyResultLineIsOneLineWithFileLineAndColumn() throws Exception {
    Path faulty = results.resolve("000001.txt");
    Files.writeString(faulty, CAR + " 0.9\n" + CAR + " high\n");

    CliRun run = CliRun.of("eval", "kitti", "--gt-dir", labels.toString(),
        "--dt-dir", results.toString());

    assertEquals(2, run.exitCode());
    assertEquals("admlops: " + faulty + ":2: column 16 (score) is not a number: 'high'\n",
        run.err());
  }
}
