package io.admlops.workers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.formats.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stateless dataset commands as a user runs them, on the KITTI fixture. */
class DatasetCommandTest {

  @TempDir Path dir;
  private Path kitti;
  private Path labels;

  @BeforeEach
  void kittiFixture() {
    kitti = TestImages.copyFixture("kitti", dir.resolve("kitti"));
    TestImages.write(kitti.resolve("training/image_2/000000.png"), 1242, 375);
    TestImages.write(kitti.resolve("training/image_2/000001.png"), 1242, 375);
    labels = kitti.resolve("training/label_2/000000.txt");
  }

  @Test
  void convertWritesTheDatasetAndSaysHowMuch() {
    Path out = dir.resolve("coco");

    CliRun run = CliRun.of("dataset", "convert", "--from", "kitti", "--to", "coco",
        "--src", kitti.toString(), "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("wrote 2 frames (7 objects) as coco to " + out + "\n", run.out());
    assertTrue(Files.isRegularFile(out.resolve("annotations.json")));
  }

  @Test
  void convertRefusesADatasetWithErrorsListingThemAndWritingNothing() throws Exception {
    Files.writeString(labels, Files.readString(labels) + "Car 0 0 0 10 10 5 50 1 1 1 1 1 9\n");
    Path out = dir.resolve("coco");

    CliRun run = CliRun.of("dataset", "convert", "--from", "kitti", "--to", "coco",
        "--src", kitti.toString(), "--out", out.toString());

    assertEquals(2, run.exitCode());
    assertEquals(labels + ":2: error: expected 15 columns (16 with a score), found 14\n"
        + "admlops: " + kitti + ": 1 error, 0 warnings; nothing was written (--drop-invalid "
        + "leaves the invalid records out and reports them)\n", run.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void validateListsProblemsWithLocationsAndFailsOnErrors() throws Exception {
    Files.writeString(labels, Files.readString(labels) + "Car 0.00 0 0.00 10 NaN 50 50 1 1 1 1 1 9 0\n");

    CliRun run = CliRun.of("dataset", "validate", "--format", "kitti", "--src",
        kitti.toString());

    assertEquals(1, run.exitCode());
    assertEquals(labels + ":2: error: column 6 (bbox top) is NaN\n"
        + kitti + ": 2 valid frames, 7 objects; 1 error, 0 warnings\n", run.out());
  }

  @Test
  void aMalformedDatasetDefinitionNamesTheFileAndField() throws Exception {
    Path classes = dir.resolve("driving.yaml");
    Files.writeString(classes, "name: driving\nclasses: [car, car]\n");

    CliRun run = CliRun.of("dataset", "validate", "--format", "kitti", "--src",
        kitti.toString(), "--classes", classes.toString());

    assertEquals(2, run.exitCode());
    assertEquals("admlops: " + classes + ": classes[1] 'car' is listed twice\n", run.err());
  }

  @Test
  void analyzeWritesTheReportAndTheJsonWithCoverageOfTheDefinition() throws Exception {
    Path out = dir.resolve("analysis");
    Path classes = dir.resolve("driving.yaml");
    Files.writeString(classes, "name: driving\nclasses: [car, truck, pedestrian, cyclist]\n"
        + "map: {Car: car, Van: car, Truck: truck, Pedestrian: pedestrian, Cyclist: cyclist}\n"
        + "targets:\n  minInstancesPerClass: {car: 2, pedestrian: 5}\n");

    CliRun run = CliRun.of("dataset", "analyze", "--format", "kitti", "--src",
        kitti.toString(), "--out", out.toString(), "--classes", classes.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("analyzed 2 frames, 5 objects; "), run.out());
    String json = Files.readString(out.resolve("analysis.json"));
    assertTrue(json.contains("\"car\""), json);
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<svg"), "charts are inline SVG");
    assertTrue(html.contains("pedestrian"), "the unmet pedestrian target is shown");
  }

  @Test
  void anUnknownFormatNamesTheFormatsThereAre() {
    CliRun run = CliRun.of("dataset", "validate", "--format", "pascal", "--src",
        kitti.toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("admlops: unknown dataset format 'pascal'; expected one of "
        + "kitti, coco"), run.err());
  }
}
