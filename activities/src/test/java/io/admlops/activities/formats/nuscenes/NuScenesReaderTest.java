package io.admlops.activities.formats.nuscenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.formats.Problem;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.activities.formats.TestImages;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Box3D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.Provenance;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads a hand-built v1.0-mini: one scene of two samples. The ego vehicle stands at (100, 200)
 * and then (100, 210), turned 90° to face the world's +y axis; CAM_FRONT sits 1.5 m ahead of
 * and 1.5 m above the ego origin, looking forward, with fx = fy = 1000, (cx, cy) = (800, 450)
 * on a 1600x900 image. A world point (x, y, z) is thus at camera (x - 100, 1.5 - z, y - 201.5)
 * in the first sample and (x - 100, 1.5 - z, y - 211.5) in the second, and every expected
 * value below follows from that by hand.
 */
class NuScenesReaderTest {

  private static final double EPSILON = 1e-6;

  private static final Taxonomy TAXONOMY = taxonomy(Map.of("vehicle.car", "car",
      "vehicle.truck", "truck", "human.pedestrian.adult", "pedestrian"));

  @TempDir Path temp;

  private Path root;
  private Path tables;

  @BeforeEach
  void copyFixture() {
    root = TestImages.copyFixture("nuscenes", temp.resolve("nuscenes"));
    tables = root.resolve("v1.0-mini");
    TestImages.write(root.resolve("samples/CAM_FRONT/sample-1-front.jpg"), 1600, 900);
    TestImages.write(root.resolve("samples/CAM_FRONT/sample-2-front.jpg"), 1600, 900);
  }

  @Test
  void everyKeyFrameFrontImageIsAFrameAndOtherCamerasAndSweepsAreIgnored() throws IOException {
    Read read = read(root, TAXONOMY);

    assertEquals(List.of(), read.problems().problems());
    assertEquals(List.of("sample-2", "sample-1"), read.frames().stream().map(Frame::id).toList());
    Frame first = read.frame("sample-1");
    assertEquals(root.resolve("samples/CAM_FRONT/sample-1-front.jpg").toAbsolutePath()
        .toString(), first.image().uri());
    assertEquals(1600, first.image().width());
    assertEquals(900, first.image().height());
    assertEquals(List.of(1000.0, 0.0, 800.0, 0.0, 0.0, 1000.0, 450.0, 0.0, 0.0, 0.0, 1.0, 0.0),
        first.camera().projection());
  }

  @Test
  void provenanceNamesTheSceneAndOrdersSamplesByTime() throws IOException {
    Read read = read(root, TAXONOMY);

    assertEquals(new Provenance("nuscenes", "sample-1", "scene-0001", 0, null),
        read.frame("sample-1").provenance());
    assertEquals(new Provenance("nuscenes", "sample-2", "scene-0001", 1, null),
        read.frame("sample-2").provenance());
    assertEquals(List.of("location:singapore-onenorth"), read.frame("sample-1").scene().tags());
  }

  @Test
  void withoutSceneAndLogTablesTheSceneTokenNamesTheSequence() throws IOException {
    Files.delete(tables.resolve("scene.json"));
    Files.delete(tables.resolve("log.json"));

    Read read = read(root, TAXONOMY);

    assertEquals(List.of(), read.problems().problems());
    assertEquals("scene-1", read.frame("sample-2").provenance().sequenceId());
    assertEquals(List.of(), read.frame("sample-2").scene().tags());
  }

  @Test
  void theTableFolderItselfIsASource() throws IOException {
    Read read = read(tables, TAXONOMY);

    assertEquals(List.of(), read.problems().problems());
    assertEquals(2, read.frames().size());
    assertEquals(5, objectCount(read));
  }

  @Test
  void aCarTenMetersAheadProjectsAroundTheImageCenter() throws IOException {
    FrameObject car = read(root, TAXONOMY).object("sample-1", "instance-car");

    assertEquals("car", car.category());
    assertBox3d(new Box3D(0, 0.75, 10, 4, 2, 1.5, -Math.PI / 2), car.box3d());
    // Corners at x = ±1, y = ±0.75, z = 8..12: the near face spans 1000 * 1 / 8 = 125 px
    // sideways and 1000 * 0.75 / 8 = 93.75 px up and down.
    assertBox(new Box2D(675, 356.25, 925, 543.75), car.box());
    assertEquals(0, car.truncation(), EPSILON);
    assertEquals(0, car.occlusion());
    assertEquals("instance-car", car.trackId());
    assertEquals(Map.of("attributes", "vehicle.moving", "num_lidar_pts", "120"),
        car.attributes());
  }

  @Test
  void theSameInstanceKeepsItsTrackIdInTheNextSample() throws IOException {
    FrameObject car = read(root, TAXONOMY).object("sample-2", "instance-car");

    // World (102, 231.5, 1.5) seen from the second pose: camera (2, 0, 20).
    assertBox3d(new Box3D(2, 0.75, 20, 4, 2, 1.5, -Math.PI / 2), car.box3d());
    assertBox(new Box2D(800 + 1000.0 * 1 / 22, 450 - 1000.0 * 0.75 / 18,
        800 + 1000.0 * 3 / 18, 450 + 1000.0 * 0.75 / 18), car.box());
    assertEquals("car", car.category());
  }

  @Test
  void aBoxCrossingTheImageEdgeIsClippedAndTruncated() throws IOException {
    FrameObject truck = read(root, TAXONOMY).object("sample-1", "instance-truck");

    // Camera (8, 0, 9), a 2 m cube facing the camera's x axis: corners x = 7..9, z = 8..10
    // project to u = 800 + 1000 * 7 / 10 = 1500 .. 800 + 1000 * 9 / 8 = 1925.
    assertBox3d(new Box3D(8, 1, 9, 2, 2, 2, 0), truck.box3d());
    assertBox(new Box2D(1500, 325, 1600, 575), truck.box());
    assertEquals(1 - 100.0 / 425, truck.truncation(), EPSILON);
    assertEquals(Map.of("num_lidar_pts", "30"), truck.attributes());
  }

  @Test
  void aBoxCrossingTheCameraPlaneIsCutAtTheNearPlane() throws IOException {
    FrameObject near = read(root, TAXONOMY).object("sample-2", "instance-near");

    // Camera (0, 0, 1), 4 m long along z: corners at z = -1 lie behind the camera. The edges
    // cross z = 0.1 at x = ±1, y = ±0.75, which project to 800 ± 10000 and 450 ± 7500.
    assertBox3d(new Box3D(0, 0.75, 1, 4, 2, 1.5, -Math.PI / 2), near.box3d());
    assertBox(new Box2D(0, 0, 1600, 900), near.box());
    assertEquals(1 - 1600.0 * 900 / (20000.0 * 15000), near.truncation(), EPSILON);
  }

  @Test
  void boxesBehindTheCameraOrBesideTheImageAreDroppedWithoutAProblem() throws IOException {
    Read read = read(root, TAXONOMY);

    assertEquals(List.of("instance-car", "instance-truck"),
        read.frame("sample-1").objects().stream().map(FrameObject::trackId).toList());
    assertEquals(List.of(), read.problems().problems());
  }

  @Test
  void visibilityBecomesKittiOcclusion() throws IOException {
    Read read = read(root, TAXONOMY);

    assertEquals(0, read.object("sample-1", "instance-car").occlusion());
    assertEquals(1, read.object("sample-1", "instance-truck").occlusion());
    assertEquals(1, read.object("sample-2", "instance-car").occlusion());
    assertEquals(2, read.object("sample-2", "instance-near").occlusion());
    assertEquals(3, read.object("sample-2", "instance-pedestrian").occlusion());
  }

  @Test
  void categoriesGoThroughTheTaxonomyAndDroppedOnesAreLeftOut() throws IOException {
    Read read = read(root, TAXONOMY);

    assertEquals(List.of("car", "car", "pedestrian"),
        read.frame("sample-2").objects().stream().map(FrameObject::category).toList());
    FrameObject pedestrian = read.object("sample-2", "instance-pedestrian");
    assertBox3d(new Box3D(-3, 0.9, 15, 0.8, 0.6, 1.8, 0), pedestrian.box3d());
    assertEquals("pedestrian.moving", pedestrian.attributes().get("attributes"));
  }

  @Test
  void withoutADefinitionTheNuScenesCategoryNamesAreKept() throws IOException {
    Read read = read(root, Taxonomy.SOURCE);

    assertEquals(List.of("vehicle.car", "vehicle.car", "human.pedestrian.adult",
        "movable_object.barrier"),
        read.frame("sample-2").objects().stream().map(FrameObject::category).toList());
  }

  @Test
  void anUnknownClassIsAnErrorAtTheAnnotation() throws IOException {
    Taxonomy withoutTrucks = taxonomy(Map.of("vehicle.car", "car",
        "human.pedestrian.adult", "pedestrian"));

    Read read = read(root, withoutTrucks);

    assertOnlyErrors(read, "sample_annotation.json#/1");
    assertTrue(read.problems().problems().get(0).message().contains("'vehicle.truck'"));
    assertEquals(4, objectCount(read));
  }

  @Test
  void aMissingImageIsAnErrorAtItsSampleData() throws IOException {
    Files.delete(root.resolve("samples/CAM_FRONT/sample-2-front.jpg"));

    Read read = read(root, TAXONOMY);

    assertOnlyErrors(read, "sample_data.json#/3");
    assertTrue(read.problems().problems().get(0).message()
        .contains("samples/CAM_FRONT/sample-2-front.jpg is missing"));
    assertEquals(List.of("sample-1"), read.frames().stream().map(Frame::id).toList());
  }

  @Test
  void withoutASizeInSampleDataTheImageHeaderGivesIt() throws IOException {
    edit("sample_data.json", "/3/width", "null");
    edit("sample_data.json", "/3/height", "null");
    TestImages.write(root.resolve("samples/CAM_FRONT/sample-2-front.jpg"), 800, 450);

    Read read = read(root, TAXONOMY);

    assertEquals(List.of(), read.problems().problems());
    Frame frame = read.frame("sample-2");
    assertEquals(800, frame.image().width());
    assertEquals(450, frame.image().height());
    // The car at u = 845..967 now lies beside the narrower image.
    assertEquals(List.of("instance-near", "instance-pedestrian"),
        frame.objects().stream().map(FrameObject::trackId).toList());
    assertBox(new Box2D(0, 0, 800, 450), frame.objects().get(0).box());
  }

  @Test
  void anUnreadableImageWithoutASizeIsAnErrorAtItsSampleData() throws IOException {
    edit("sample_data.json", "/3/width", "null");
    Files.writeString(root.resolve("samples/CAM_FRONT/sample-2-front.jpg"), "not an image");

    Read read = read(root, TAXONOMY);

    assertOnlyErrors(read, "sample_data.json#/3");
    assertTrue(read.problems().problems().get(0).message().contains("not a PNG or JPEG"));
    assertEquals(1, read.frames().size());
  }

  @Test
  void anUnknownVisibilityLevelIsAWarningAndTheOcclusionUnknown() throws IOException {
    edit("visibility.json", "/3/level", "\"v90-100\"");

    Read read = read(root, TAXONOMY);

    List<Problem> problems = read.problems().problems();
    assertEquals(1, problems.size());
    assertEquals(Problem.Severity.WARNING, problems.get(0).severity());
    assertEquals(tables.resolve("visibility.json") + "#/3/level", problems.get(0).location());
    assertEquals(3, read.object("sample-1", "instance-car").occlusion());
  }

  /**
   * @param table the table to break
   * @param pointer what to replace in it
   * @param json the replacement
   * @param message part of the first error's message
   * @param frames frames read despite the fault
   * @param objects objects read despite the fault, of 5
   * @param locations every error expected, relative to the table folder
   */
  @ParameterizedTest(name = "{0}#{1} = {2}")
  @MethodSource("faults")
  void aFaultIsAnErrorAtItsLocationAndReadingGoesOn(String table, String pointer, String json,
      String message, int frames, int objects, List<String> locations) throws IOException {
    edit(table, pointer, json);

    Read read = read(root, TAXONOMY);

    assertOnlyErrors(read, locations.toArray(String[]::new));
    String first = read.problems().problems().get(0).message();
    assertTrue(first.contains(message), first);
    assertEquals(frames, read.frames().size());
    assertEquals(objects, objectCount(read));
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        fault("sample_annotation.json", "/0/instance_token", "\"lost\"",
            "'lost' is not a token of instance.json", 2, 4,
            "sample_annotation.json#/0/instance_token"),
        fault("sample_annotation.json", "/0/visibility_token", "\"9\"",
            "'9' is not a token of visibility.json", 2, 4,
            "sample_annotation.json#/0/visibility_token"),
        fault("sample_annotation.json", "/0/attribute_tokens/0", "\"lost\"",
            "'lost' is not a token of attribute.json", 2, 4,
            "sample_annotation.json#/0/attribute_tokens/0"),
        fault("sample_annotation.json", "/0/sample_token", "\"lost\"",
            "'lost' is not a token of sample.json", 2, 4,
            "sample_annotation.json#/0/sample_token"),
        fault("sample_annotation.json", "/0/size", "[2, -4, 1.5]", "all positive", 2, 4,
            "sample_annotation.json#/0/size"),
        fault("sample_annotation.json", "/0/rotation", "[0, 0, 0, 0]", "no length", 2, 4,
            "sample_annotation.json#/0/rotation"),
        fault("sample_annotation.json", "/1/translation", "[108, \"x\", 1.5]", "3 numbers",
            2, 4, "sample_annotation.json#/1/translation"),
        fault("sample_annotation.json", "/1", "42", "expected a record", 2, 4,
            "sample_annotation.json#/1"),
        // Both annotations of the instance are left out, without an error of their own.
        fault("instance.json", "/0/category_token", "\"lost\"",
            "'lost' is not a token of category.json", 2, 3, "instance.json#/0/category_token"),
        // Four instances are cars: all their annotations go, quietly.
        fault("category.json", "/0/name", "null", "missing", 2, 2, "category.json#/0/name"),
        fault("sample_data.json", "/0/calibrated_sensor_token", "\"lost\"",
            "'lost' is not a token of calibrated_sensor.json", 1, 3,
            "sample_data.json#/0/calibrated_sensor_token"),
        fault("sample_data.json", "/0/ego_pose_token", "\"lost\"",
            "'lost' is not a token of ego_pose.json", 1, 3,
            "sample_data.json#/0/ego_pose_token"),
        fault("sample_data.json", "/3/ego_pose_token", "null", "missing", 1, 2,
            "sample_data.json#/3/ego_pose_token"),
        fault("sample_data.json", "/0/sample_token", "\"lost\"",
            "'lost' is not a token of sample.json", 1, 3, "sample_data.json#/0/sample_token"),
        fault("sample_data.json", "/2/is_key_frame", "true",
            "a second key-frame CAM_FRONT image of sample 'sample-1'", 2, 5,
            "sample_data.json#/2"),
        // Every CAM_FRONT image uses this calibration: no frame is left.
        fault("calibrated_sensor.json", "/0/sensor_token", "\"lost\"",
            "'lost' is not a token of sensor.json", 0, 0,
            "calibrated_sensor.json#/0/sensor_token"),
        fault("calibrated_sensor.json", "/0/camera_intrinsic", "[[1000, 0, 800], [0, 1000, 450]]",
            "3x3 matrix", 0, 0, "calibrated_sensor.json#/0/camera_intrinsic"),
        fault("ego_pose.json", "/0/translation", "[100, 200]", "3 numbers", 1, 3,
            "ego_pose.json#/0/translation"),
        // sample-2 is the first sample of the table; its image and annotations go quietly.
        fault("sample.json", "/0/timestamp", "\"soon\"", "integer", 1, 2,
            "sample.json#/0/timestamp"),
        fault("attribute.json", "/2/token", "\"attr-moving\"", "duplicate token", 2, 4,
            "attribute.json#/2/token", "sample_annotation.json#/6/attribute_tokens/0"),
        fault("visibility.json", "/0/token", "null", "missing", 2, 4,
            "visibility.json#/0/token", "sample_annotation.json#/5/visibility_token"));
  }

  @Test
  void aFolderWithoutATableFolderIsRefused() {
    UserInputException e = assertThrows(UserInputException.class,
        () -> read(temp, TAXONOMY));

    assertTrue(e.getMessage().startsWith(temp + ": no nuScenes table folder"), e.getMessage());
  }

  @Test
  void twoTableFoldersMustBeChosenBetween() throws IOException {
    TestImages.copyFixture("nuscenes/v1.0-mini", root.resolve("v1.0-trainval"));

    UserInputException e = assertThrows(UserInputException.class,
        () -> read(root, TAXONOMY));

    assertTrue(e.getMessage().contains("[v1.0-mini, v1.0-trainval]"), e.getMessage());
  }

  @Test
  void aMissingTableIsRefusedNamingIt() throws IOException {
    Files.delete(tables.resolve("ego_pose.json"));

    UserInputException e = assertThrows(UserInputException.class,
        () -> read(root, TAXONOMY));

    assertTrue(e.getMessage().startsWith(tables.resolve("ego_pose.json") + ": missing"),
        e.getMessage());
  }

  @Test
  void aTableThatIsNotJsonIsRefusedAtItsLineAndColumn() throws IOException {
    Files.writeString(tables.resolve("sensor.json"), "[\n  {\"token\": }\n]\n");

    UserInputException e = assertThrows(UserInputException.class,
        () -> read(root, TAXONOMY));

    assertTrue(e.getMessage().startsWith(tables.resolve("sensor.json") + ":2:13: not valid JSON"),
        e.getMessage());
  }

  @Test
  void aTableThatIsNotAnArrayIsRefused() throws IOException {
    Files.writeString(tables.resolve("category.json"), "{}");

    UserInputException e = assertThrows(UserInputException.class,
        () -> read(root, TAXONOMY));

    assertEquals(tables.resolve("category.json") + ": expected a JSON array of records",
        e.getMessage());
  }

  private static Arguments fault(String table, String pointer, String json, String message,
      int frames, int objects, String... locations) {
    return Arguments.of(table, pointer, json, message, frames, objects, List.of(locations));
  }

  /** What one read produced. */
  private record Read(List<Frame> frames, ProblemLog problems) {

    Frame frame(String id) {
      return frames.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    FrameObject object(String frameId, String trackId) {
      return frame(frameId).objects().stream().filter(o -> trackId.equals(o.trackId()))
          .findFirst().orElseThrow();
    }
  }

  private static Read read(Path source, Taxonomy taxonomy) throws IOException {
    ReadContext context = new ReadContext(new ProblemLog(), taxonomy);
    List<Frame> frames = new ArrayList<>();
    new NuScenesReader().read(source, context, frames::add);
    return new Read(frames, context.problems());
  }

  private static int objectCount(Read read) {
    return read.frames().stream().mapToInt(f -> f.objects().size()).sum();
  }

  /** Replaces the value at a JSON pointer of a fixture table. */
  private void edit(String table, String pointer, String json) throws IOException {
    Path file = tables.resolve(table);
    ArrayNode rows = (ArrayNode) Mappers.json().readTree(file.toFile());
    JsonPointer at = JsonPointer.compile(pointer);
    JsonNode parent = rows.at(at.head());
    JsonNode value = Mappers.json().readTree(json);
    String last = at.last().getMatchingProperty();
    if (parent.isArray()) {
      ((ArrayNode) parent).set(Integer.parseInt(last), value);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
    Mappers.json().writeValue(file.toFile(), rows);
  }

  private void assertOnlyErrors(Read read, String... locations) {
    List<String> expected = Stream.of(locations).map(l -> tables + "/" + l).toList();
    List<Problem> problems = read.problems().problems();
    assertEquals(expected, problems.stream().map(Problem::location).toList(),
        problems.toString());
    assertEquals(expected.size(), read.problems().errorCount(), problems.toString());
  }

  private static void assertBox3d(Box3D expected, Box3D actual) {
    assertEquals(expected.x(), actual.x(), EPSILON, "x");
    assertEquals(expected.y(), actual.y(), EPSILON, "y");
    assertEquals(expected.z(), actual.z(), EPSILON, "z");
    assertEquals(expected.length(), actual.length(), EPSILON, "length");
    assertEquals(expected.width(), actual.width(), EPSILON, "width");
    assertEquals(expected.height(), actual.height(), EPSILON, "height");
    assertEquals(expected.yaw(), actual.yaw(), EPSILON, "yaw");
  }

  private static void assertBox(Box2D expected, Box2D actual) {
    assertEquals(expected.x1(), actual.x1(), EPSILON, "x1");
    assertEquals(expected.y1(), actual.y1(), EPSILON, "y1");
    assertEquals(expected.x2(), actual.x2(), EPSILON, "x2");
    assertEquals(expected.y2(), actual.y2(), EPSILON, "y2");
  }

  private static Taxonomy taxonomy(Map<String, String> map) {
    Map<String, String> withDropped = new HashMap<>(map);
    withDropped.put("movable_object.barrier", null);
    return Taxonomy.of(new DatasetDefinition("test", "detection-2d",
        List.of("car", "truck", "pedestrian"), withDropped, null));
  }
}
