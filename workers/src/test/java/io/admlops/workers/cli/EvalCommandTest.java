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

/** admlops eval coco as a user runs it. */
class EvalCommandTest {

  @TempDir Path dir;
  private Path gt;

  @BeforeEach
  void groundTruth() throws Exception {
    gt = dir.resolve("gt.json");
    Files.writeString(gt, """
        {"images": [{"id": 1, "file_name": "a.png", "width": 640, "height": 480}],
         "annotations": [
           {"id": 1, "image_id": 1, "category_id": 3, "bbox": [10, 10, 100, 50],
            "area": 5000, "iscrowd": 0},
           {"id": 2, "image_id": 1, "category_id": 3, "bbox": [300, 200, 40, 40],
            "area": 1600, "iscrowd": 0}],
         "categories": [{"id": 3, "name": "car"}]}
        """);
  }

  @Test
  void perfectDetectionsScoreOneOnEveryStatWithGroundTruth() throws Exception {
    Path dt = dir.resolve("dt.json");
    Files.writeString(dt, """
        [{"image_id": 1, "category_id": 3, "bbox": [10, 10, 100, 50], "score": 0.9},
         {"image_id": 1, "category_id": 3, "bbox": [300, 200, 40, 40], "score": 0.8}]
        """);

    CliRun table = CliRun.of("eval", "coco", "--gt", gt.toString(), "--dt", dt.toString());
    CliRun json = CliRun.of("eval", "coco", "--gt", gt.toString(), "--dt", dt.toString(),
        "--json");

    assertEquals(0, table.exitCode(), table.err());
    assertTrue(table.out().startsWith("AP     1.000\nAP50   1.000\nAP75   1.000\n"), table.out());
    assertTrue(table.out().contains("  car                  1.000"), table.out());
    JsonNode parsed = Mappers.json().readTree(json.out());
    assertEquals(1.0, parsed.path("stats").path("AP").asDouble());
    assertEquals(-1.0, parsed.path("stats").path("APl").asDouble(), "no large objects");
    assertEquals(1.0, parsed.path("per_class").path("car").asDouble());
  }

  @Test
  void aDetectionOfAnUnknownImageIsOneLineWithItsPointer() throws Exception {
    Path dt = dir.resolve("dt.json");
    Files.writeString(dt, "[{\"image_id\": 9, \"category_id\": 3, \"bbox\": [1, 1, 5, 5], "
        + "\"score\": 0.5}]");

    CliRun run = CliRun.of("eval", "coco", "--gt", gt.toString(), "--dt", dt.toString());

    assertEquals(2, run.exitCode());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("admlops: " + dt + "#/0/image_id"), run.err());
  }
}
