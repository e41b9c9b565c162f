package io.admlops.activities.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetConversionTest {

  @TempDir Path dir;
  private Path kitti;
  private Path badLabels;

  @BeforeEach
  void kittiWithOneBadLine() throws Exception {
    kitti = TestImages.copyFixture("kitti", dir.resolve("kitti"));
    TestImages.write(kitti.resolve("training/image_2/000000.png"), 1242, 375);
    TestImages.write(kitti.resolve("training/image_2/000001.png"), 1242, 375);
    badLabels = kitti.resolve("training/label_2/000000.txt");
    Files.writeString(badLabels, Files.readString(badLabels)
        + "Car 0.00 0 0.00 10 10 5 50 1 1 1 1 1 9 0\n");
  }

  @Test
  void aDatasetWithErrorsIsRefusedAndNothingIsWritten() throws Exception {
    Path out = dir.resolve("coco");

    DatasetConversion.DatasetRejected rejected = assertThrows(
        DatasetConversion.DatasetRejected.class, () -> DatasetConversion.convert(
            DatasetFormat.KITTI, kitti, DatasetFormat.COCO, out, Taxonomy.SOURCE, false));

    assertEquals(kitti + ": 1 error, 0 warnings; nothing was written (--drop-invalid leaves "
        + "the invalid records out and reports them)", rejected.getMessage());
    assertEquals(badLabels + ":2", rejected.problems().problems().get(0).location());
    assertFalse(Files.exists(out));
    assertEquals(List.of("kitti"), listing(dir), "no partial folder is left behind");
  }

  @Test
  void dropInvalidWritesTheValidRecordsAndReportsTheDroppedOnes() throws Exception {
    Path out = dir.resolve("coco");

    DatasetConversion.Outcome outcome = DatasetConversion.convert(DatasetFormat.KITTI, kitti,
        DatasetFormat.COCO, out, Taxonomy.SOURCE, true);

    assertEquals(2, outcome.frames());
    assertEquals(7, outcome.objects());
    assertEquals(List.of(badLabels + ":2: error: box (10.0, 10.0, 5.0, 50.0) has zero or "
        + "negative size", "1 error, 0 warnings"),
        Files.readAllLines(out.resolve(DatasetConversion.REPORT)));
  }

  @Test
  void anExistingOutputIsNeverOverwritten() throws Exception {
    Path out = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(out.resolve("keep.txt"), "mine");

    UserInputException e = assertThrows(UserInputException.class, () ->
        DatasetConversion.convert(DatasetFormat.KITTI, kitti, DatasetFormat.FRAMES, out,
            Taxonomy.SOURCE, true));

    assertEquals(out + " already exists and is not empty; name a new output folder",
        e.getMessage());
    assertEquals("mine", Files.readString(out.resolve("keep.txt")));
  }

  @Test
  void validateListsEveryProblemAndWritesNothing() throws Exception {
    DatasetConversion.Outcome outcome = DatasetConversion.validate(DatasetFormat.KITTI, kitti,
        Taxonomy.SOURCE);

    assertEquals(1, outcome.problems().errorCount());
    assertEquals(2, outcome.frames());
    assertTrue(listing(dir).equals(List.of("kitti")));
  }

  private static List<String> listing(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
