package io.admlops.activities.evaluate.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Box2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoResultsReaderTest {

  private final CocoResultsReader reader =
      new CocoResultsReader(Map.of(1L, "d1", 2L, "n1"), Map.of(1L, "car", 2L, "pedestrian"));

  @TempDir Path dir;

  @Test
  void resultsBecomeDetectionsOnFramesByCorners() throws IOException {
    Path file = Files.writeString(dir.resolve("dt.json"), """
        [{"image_id": 2, "category_id": 2, "bbox": [500, 500, 20, 40], "score": 0.75},
         {"image_id": 1, "category_id": 1, "bbox": [100.5, 100, 200, 200], "score": 0.9}]
        """);

    assertEquals(List.of(
        Detection.of("n1", "pedestrian", new Box2D(500, 500, 520, 540), 0.75),
        Detection.of("d1", "car", new Box2D(100.5, 100, 300.5, 300), 0.9)),
        reader.read(file));
  }

  @Test
  void anImageIdWithoutAFrameIsNamedByFileAndPointer() throws IOException {
    Path file = Files.writeString(dir.resolve("dt.json"), """
        [{"image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1], "score": 0.5},
         {"image_id": 3, "category_id": 1, "bbox": [0, 0, 1, 1], "score": 0.5}]
        """);

    UserInputException e = assertThrows(UserInputException.class, () -> reader.read(file));

    assertEquals(file + "#/1/image_id: image 3 is not one of the 2 image ids mapped to frames",
        e.getMessage());
  }

  @Test
  void aCategoryIdWithoutAClassIsNamedByFileAndPointer() throws IOException {
    Path file = Files.writeString(dir.resolve("dt.json"), """
        [{"image_id": 1, "category_id": 9, "bbox": [0, 0, 1, 1], "score": 0.5}]
        """);

    UserInputException e = assertThrows(UserInputException.class, () -> reader.read(file));

    assertEquals(file + "#/0/category_id: category 9 is not one of the 2 category ids mapped"
        + " to classes", e.getMessage());
  }

  @Test
  void aMalformedBoxIsNamedByFileAndPointer() throws IOException {
    Path file = Files.writeString(dir.resolve("dt.json"), """
        [{"image_id": 1, "category_id": 1, "bbox": [0, 0, 1], "score": 0.5}]
        """);

    UserInputException e = assertThrows(UserInputException.class, () -> reader.read(file));

    assertEquals(file + "#/0/bbox: bbox must be 4 finite numbers [x, y, width, height]",
        e.getMessage());
  }
}
