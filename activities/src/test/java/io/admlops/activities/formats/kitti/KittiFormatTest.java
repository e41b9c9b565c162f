package io.admlops.activities.formats.kitti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.formats.FrameCollector;
import io.admlops.activities.formats.Problem;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.activities.formats.TestImages;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Box3D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KittiFormatTest {

  @TempDir Path dir;
  private Path kitti;

  @BeforeEach
  void copyFixtureWithImages() {
    kitti = TestImages.copyFixture("kitti", dir.resolve("kitti"));
    TestImages.write(kitti.resolve("training/image_2/000000.png"), 1242, 375);
    TestImages.write(kitti.resolve("training/image_2/000001.png"), 1242, 375);
  }

  @Test
  void readsEveryColumnOfTheObjectLabels() {
    FrameCollector read = FrameCollector.read(new KittiReader(), kitti);

    assertTrue(read.problems().problems().isEmpty(), read.problems().problems().toString());
    assertEquals(List.of("000000", "000001"), read.frames().stream().map(Frame::id).toList());
    Frame first = read.frames().get(0);
    assertEquals(1242, first.image().width());
    assertEquals(375, first.image().height());
    assertTrue(first.image().uri().endsWith("image_2/000000.png"));
    FrameObject pedestrian = first.objects().get(0);
    assertEquals("Pedestrian", pedestrian.category());
    assertEquals(new Box2D(712.40, 143.00, 810.73, 307.92), pedestrian.box());
    assertEquals(new Box3D(1.84, 1.47, 8.41, 1.20, 0.48, 1.89, 0.01), pedestrian.box3d());
    assertEquals(0.0, pedestrian.truncation());
    assertEquals(0, pedestrian.occlusion());
    assertEquals("-0.20", pedestrian.attributes().get("alpha"));
    assertNull(pedestrian.score());
    assertEquals(Map.of("source", "kitti", "originalId", "000000"),
        Map.of("source", first.provenance().source(), "originalId",
            first.provenance().originalId()));
  }

  @Test
  void keepsDontCareRegionsWithoutGeometryAndTheOcclusionCodes() {
    Frame second = FrameCollector.read(new KittiReader(), kitti).frames().get(1);

    assertEquals(List.of("Truck", "Car", "Cyclist", "Van", "DontCare", "DontCare"),
        second.objects().stream().map(FrameObject::category).toList());
    FrameObject cyclist = second.objects().get(2);
    assertEquals(3, cyclist.occlusion());
    FrameObject van = second.objects().get(3);
    assertEquals(0.35, van.truncation());
    assertEquals(1, van.occlusion());
    FrameObject dontCare = second.objects().get(4);
    assertNull(dontCare.box3d());
    assertNull(dontCare.truncation());
    assertNull(dontCare.occlusion());
    assertEquals(new Box2D(503.89, 169.71, 590.61, 190.13), dontCare.box());
  }

  @Test
  void theCalibrationProjectsTheThreeDimensionalBoxIntoItsImageBox() {
    Frame first = FrameCollector.read(new KittiReader(), kitti).frames().get(0);
    FrameObject pedestrian = first.objects().get(0);
    Box3D b = pedestrian.box3d();

    // The bottom-face center lies on the box's lower edge, between its left and right sides.
    double[] bottom = first.camera().project(b.x(), b.y(), b.z());
    double[] top = first.camera().project(b.x(), b.y() - b.height(), b.z());

    assertTrue(bottom[0] > pedestrian.box().x1() && bottom[0] < pedestrian.box().x2());
    assertEquals(pedestrian.box().y2(), bottom[1], 5.0);
    assertEquals(pedestrian.box().y1(), top[1], 5.0);
    assertNull(FrameCollector.read(new KittiReader(), kitti).frames().get(1).camera());
  }

  @Test
  void writingAndReadingAgainKeepsEveryObject() throws Exception {
    List<Frame> original = FrameCollector.read(new KittiReader(), kitti).frames();
    Path out = Files.createDirectories(dir.resolve("out"));
    KittiWriter writer = new KittiWriter(out, Taxonomy.SOURCE);
    for (Frame f : original) {
      writer.write(f);
    }
    writer.finish();

    List<Frame> again = FrameCollector.read(new KittiReader(), out).frames();

    assertEquals(original.size(), again.size());
    for (int i = 0; i < original.size(); i++) {
      assertEquals(original.get(i).objects(), again.get(i).objects());
      assertEquals(original.get(i).camera(), again.get(i).camera());
    }
    assertEquals(Files.readString(kitti.resolve("training/label_2/000001.txt")),
        Files.readString(out.resolve("label_2/000001.txt")));
  }

  @Test
  void aDatasetDefinitionRenamesAndDropsClasses() {
    Map<String, String> map = new HashMap<>();
    map.put("Car", "car");
    map.put("Van", "car");
    map.put("Truck", "truck");
    map.put("Cyclist", "cyclist");
    map.put("Pedestrian", "pedestrian");
    map.put("Misc", null);
    Taxonomy taxonomy = Taxonomy.of(new DatasetDefinition("driving", "detection-2d",
        List.of("car", "truck", "pedestrian", "cyclist"), map, null));
    Path misc = kitti.resolve("training/label_2/000000.txt");
    appendLine(misc, "Misc 0.00 0 0.00 10.00 10.00 50.00 50.00 1.00 1.00 1.00 1.00 1.00 9.00 0.0");

    FrameCollector read = FrameCollector.read(new KittiReader(), kitti, taxonomy);

    assertTrue(read.problems().problems().isEmpty(), read.problems().problems().toString());
    assertEquals(List.of("pedestrian"), categories(read.frames().get(0)));
    assertEquals(List.of("truck", "car", "cyclist", "car", "DontCare", "DontCare"),
        categories(read.frames().get(1)));
  }

  @Test
  void aClassTheDefinitionDoesNotKnowIsAnErrorAtItsLine() {
    Taxonomy onlyCars = Taxonomy.of(new DatasetDefinition("cars", "detection-2d",
        List.of("car"), Map.of("Car", "car"), null));

    FrameCollector read = FrameCollector.read(new KittiReader(), kitti, onlyCars);

    assertEquals(kitti.resolve("training/label_2/000000.txt") + ":1: error: unknown class "
        + "'Pedestrian'; the dataset definition neither lists nor maps it",
        read.problems().problems().get(0).toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "14 columns|Car 0.00 0 0.00 10 10 50 50 1 1 1 1 1 9|expected 15 columns (16 with a score), found 14",
      "not a number|Car 0.00 0 0.00 10 ten 50 50 1 1 1 1 1 9 0|column 6 (bbox top) is not a number: 'ten'",
      "NaN|Car 0.00 0 0.00 10 10 NaN 50 1 1 1 1 1 9 0|column 7 (bbox right) is NaN",
      "zero width|Car 0.00 0 0.00 50 10 50 60 1 1 1 1 1 9 0|box (50.0, 10.0, 50.0, 60.0) has zero or negative size",
      "negative height|Car 0.00 0 0.00 10 60 50 10 1 1 1 1 1 9 0|box (10.0, 60.0, 50.0, 10.0) has zero or negative size",
      "outside|Car 0.00 0 0.00 1200 10 1300 50 1 1 1 1 1 9 0|box (1200.0, 10.0, 1300.0, 50.0) lies outside the 1242x375 image",
      "truncation|Car 1.50 0 0.00 10 10 50 50 1 1 1 1 1 9 0|column 2 (truncated) must be within 0..1, is 1.50",
      "occlusion|Car 0.00 5 0.00 10 10 50 50 1 1 1 1 1 9 0|column 3 (occluded) must be 0, 1, 2 or 3, is 5",
      "dimensions|Car 0.00 0 0.00 10 10 50 50 1.5 -2 4 1 1 9 0|dimensions (height, width, length) must be positive or all -1, are 1.5 -2 4"})
  void eachInvalidLineIsReportedAtItsFileAndLine(String rule, String line, String message)
      throws Exception {
    Path labels = kitti.resolve("training/label_2/000000.txt");
    appendLine(labels, line);

    FrameCollector read = FrameCollector.read(new KittiReader(), kitti);

    Problem problem = read.onlyProblem();
    assertEquals(labels + ":2", problem.location());
    assertEquals(message, problem.message());
    assertEquals(1, read.frames().get(0).objects().size(), "the valid line is kept");
  }

  @Test
  void aLabelFileWithoutItsImageIsAnErrorAndTheFrameIsLeftOut() throws Exception {
    Files.delete(kitti.resolve("training/image_2/000001.png"));

    FrameCollector read = FrameCollector.read(new KittiReader(), kitti);

    assertEquals(kitti.resolve("training/label_2/000001.txt") + ":1: error: image "
        + "image_2/000001.png is missing; the frame is left out",
        read.onlyProblem().toString());
    assertEquals(1, read.frames().size());
  }

  @Test
  void aPredictionFileKeepsItsScoreColumn() throws Exception {
    Path labels = kitti.resolve("training/label_2/000000.txt");
    Files.writeString(labels, "Car 0.00 0 0.00 10 10 50 50 1 1 1 1 1 9 0 0.8731\n");

    FrameObject car = FrameCollector.read(new KittiReader(), kitti).frames().get(0).objects()
        .get(0);

    assertEquals(0.8731, car.score());
    assertTrue(KittiWriter.line(car).endsWith(" 0.8731"));
    assertFalse(car.box3d() == null);
  }

  private static List<String> categories(Frame frame) {
    return frame.objects().stream().map(FrameObject::category).toList();
  }

  private static void appendLine(Path file, String line) {
    try {
      Files.writeString(file, Files.readString(file) + line + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
