package io.admlops.activities.formats.bdd100k;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.formats.Problem;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.activities.formats.TestImages;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.Provenance;
import io.admlops.schemas.frame.SceneAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Bdd100kReaderTest {

  private static final String[] FIXTURE_IMAGES = {"c1a0f3e2-4b7d9a10.jpg",
      "c1a41b07-2e5f8c33.jpg", "c1b7e9d4-90a1f6e5.jpg"};

  @TempDir
  Path dir;

  private final ReadContext context = ReadContext.keepingSourceClasses();

  @Test
  void readsBoxesClassesFlagsAndScenesOfTheOfficialLayout() throws IOException {
    Path json = officialLayout();

    List<Frame> frames = read(json, context);

    assertEquals(List.of(), context.problems().problems());
    assertEquals(List.of("c1a0f3e2-4b7d9a10", "c1a41b07-2e5f8c33", "c1b7e9d4-90a1f6e5"),
        frames.stream().map(Frame::id).toList());

    Frame day = frames.get(0);
    assertEquals(dir.resolve("bdd100k/images/100k/train/c1a0f3e2-4b7d9a10.jpg").toString(),
        day.image().uri());
    assertEquals(1280, day.image().width());
    assertEquals(720, day.image().height());
    assertEquals(Provenance.of("bdd100k", "c1a0f3e2-4b7d9a10.jpg"), day.provenance());
    assertEquals(new SceneAttributes("daytime", "clear", "city street", List.of()),
        day.scene());
    // The drivable area and the lane have only poly2d and are not objects.
    assertEquals(List.of(
        new FrameObject("0", "traffic light", new Box2D(1101.4, 133.2, 1120.9, 180.6), null,
            0.0, 0, null, false, false, null, null, Map.of("trafficLightColor", "green")),
        new FrameObject("1", "car", new Box2D(0.0, 402.5, 251.3, 598.1), null, 1.0, 1, null,
            false, false, null, null, Map.of())), day.objects());

    Frame night = frames.get(1);
    assertEquals(new SceneAttributes("night", "rainy", "highway", List.of()), night.scene());
    assertEquals(List.of("person", "rider", "car"),
        night.objects().stream().map(FrameObject::category).toList());
    FrameObject rider = night.objects().get(1);
    assertEquals(new Box2D(720, 310, 760, 420), rider.box());
    assertEquals(1, rider.occlusion());
    assertEquals(0.0, rider.truncation());

    Frame dusk = frames.get(2);
    assertEquals(new SceneAttributes("dawn/dusk", null, "residential", List.of()), dusk.scene(),
        "weather 'undefined' is not known");
    assertEquals(List.of("traffic sign"),
        dusk.objects().stream().map(FrameObject::category).toList());
  }

  @Test
  void mapsCategoriesThroughADatasetDefinition() throws IOException {
    Map<String, String> map = new HashMap<>();
    map.put("person", "pedestrian");
    map.put("rider", "cyclist");
    map.put("traffic sign", null);
    ReadContext drive = new ReadContext(new ProblemLog(), Taxonomy.of(new DatasetDefinition(
        "drive", "detection-2d", List.of("car", "pedestrian", "cyclist", "traffic light"), map,
        null)));

    List<Frame> frames = read(officialLayout(), drive);

    assertEquals(List.of(), drive.problems().problems());
    assertEquals(List.of("traffic light", "car"), categories(frames.get(0)));
    assertEquals(List.of("pedestrian", "cyclist", "car"), categories(frames.get(1)));
    assertEquals(List.of(), categories(frames.get(2)), "traffic signs are dropped by the map");
  }

  @Test
  void anUnknownCategoryIsAnErrorAtTheLabel() throws IOException {
    ReadContext cars = new ReadContext(new ProblemLog(), Taxonomy.of(new DatasetDefinition(
        "cars", "detection-2d", List.of("car"), Map.of(), null)));
    Path json = labels(frame("a.jpg", label(0, "car", box(10, 10, 50, 50)) + ",\n"
        + label(1, "bus", box(60, 60, 90, 90))));

    List<Frame> frames = read(json, cars);

    assertEquals(List.of("car"), categories(frames.get(0)));
    Problem problem = cars.problems().problems().get(0);
    assertEquals(1, cars.problems().problems().size());
    assertEquals(ProblemLog.at(json, "/0/labels/1/category"), problem.location());
    assertTrue(problem.message().contains("unknown class 'bus'"), problem.message());
  }

  @Test
  void findsImagesInAnImagesFolderBesideTheJsonOrBesideIt() throws IOException {
    Path besideFolder = dir.resolve("folder/labels.json");
    Files.createDirectories(besideFolder.getParent());
    Files.writeString(besideFolder, "[" + frame("a.jpg", "") + "]");
    TestImages.write(dir.resolve("folder/images/a.jpg"), 64, 48);
    Path besideJson = dir.resolve("flat/labels.json");
    Files.createDirectories(besideJson.getParent());
    Files.writeString(besideJson, "[" + frame("b.jpg", "") + "]");
    TestImages.write(dir.resolve("flat/b.jpg"), 64, 48);

    assertEquals(dir.resolve("folder/images/a.jpg").toString(),
        read(besideFolder, context).get(0).image().uri());
    assertEquals(dir.resolve("flat/b.jpg").toString(),
        read(besideJson, context).get(0).image().uri());
    assertEquals(List.of(), context.problems().problems());
  }

  @Test
  void findsImagesOfTheDetectionReleaseOneFolderDeeper() throws IOException {
    Path json = dir.resolve("bdd100k/labels/det_20/det_val.json");
    Files.createDirectories(json.getParent());
    Files.writeString(json, "[" + frame("a.jpg", label(0, "car", box(1, 2, 3, 4))) + "]");
    TestImages.write(dir.resolve("bdd100k/images/100k/val/a.jpg"), 1280, 720);

    Frame frame = read(json, context).get(0);

    assertEquals(dir.resolve("bdd100k/images/100k/val/a.jpg").toString(), frame.image().uri());
    assertEquals(List.of(new Box2D(1, 2, 3, 4)),
        frame.objects().stream().map(FrameObject::box).toList());
  }

  @Test
  void aMissingImageLeavesTheFrameOutAndNamesItsName() throws IOException {
    Path json = labels(frame("a.jpg", "") + ",\n" + frame("gone.jpg", ""));
    Files.delete(dir.resolve("images/gone.jpg"));

    assertEquals(List.of("a"), read(json, context).stream().map(Frame::id).toList());
    assertError(ProblemLog.at(json, "/1/name"), "is missing; the frame is left out");
  }

  @Test
  void anImageThatIsNotAJpegOrPngLeavesTheFrameOut() throws IOException {
    Path json = labels(frame("a.jpg", ""));
    Files.writeString(dir.resolve("images/a.jpg"), "not an image");

    assertEquals(List.of(), read(json, context));
    assertError(ProblemLog.at(json, "/0/name"), "not a PNG or JPEG image");
  }

  @Test
  void aFrameWithoutNameIsAnErrorAtItsName() throws IOException {
    Path json = labels("{\"labels\": []},\n" + frame("a.jpg", ""));

    assertEquals(1, read(json, context).size());
    assertError(ProblemLog.at(json, "/0/name"), "frame has no image name");
  }

  @Test
  void aDuplicateFrameNameIsAnError() throws IOException {
    Path json = labels(frame("a.jpg", label(0, "car", box(1, 1, 5, 5))) + ",\n"
        + frame("a.jpg", ""));

    List<Frame> frames = read(json, context);

    assertEquals(1, frames.size());
    assertEquals(1, frames.get(0).objects().size(), "the first frame is kept");
    assertError(ProblemLog.at(json, "/1/name"), "duplicate frame name 'a.jpg'");
  }

  @Test
  void anElementThatIsNotAFrameObjectIsAnErrorAtItsIndex() throws IOException {
    Path json = labels("[1, 2],\n" + frame("a.jpg", ""));

    assertEquals(1, read(json, context).size());
    assertError(ProblemLog.at(json, "/0"), "expected a frame object");
  }

  @Test
  void labelsThatAreNotAnArrayAreAnErrorAtLabels() throws IOException {
    Path json = labels("{\"name\": \"a.jpg\", \"labels\": {\"category\": \"car\"}}");
    TestImages.write(dir.resolve("images/a.jpg"), 1280, 720);

    assertEquals(List.of(), read(json, context));
    assertError(ProblemLog.at(json, "/0/labels"), "labels must be an array");
  }

  @Test
  void aLabelThatIsNotAnObjectIsAnErrorAtTheLabel() throws IOException {
    Path json = labels(frame("a.jpg", "\"car\""));

    assertEquals(List.of(), read(json, context).get(0).objects());
    assertError(ProblemLog.at(json, "/0/labels/0"), "expected a label object");
  }

  @Test
  void duplicateLabelIdsWithinAFrameAreAnError() throws IOException {
    Path json = labels(frame("a.jpg", label(3, "car", box(1, 1, 5, 5)) + ",\n"
        + label(3, "bus", box(10, 10, 50, 50))) + ",\n"
        + frame("b.jpg", label(3, "truck", box(1, 1, 5, 5))));

    List<Frame> frames = read(json, context);

    assertEquals(List.of("car"), categories(frames.get(0)));
    assertEquals(List.of("truck"), categories(frames.get(1)), "ids are unique per frame");
    assertError(ProblemLog.at(json, "/0/labels/1/id"), "duplicate label id 3");
  }

  @Test
  void aLabelIdThatIsNeitherNumberNorTextIsAnError() throws IOException {
    Path json = labels(frame("a.jpg", "{\"id\": [1], \"category\": \"car\", \"box2d\": "
        + box(1, 1, 5, 5) + "}"));

    assertEquals(List.of(), read(json, context).get(0).objects());
    assertError(ProblemLog.at(json, "/0/labels/0/id"), "label id must be an integer or text");
  }

  @Test
  void aLabelWithoutCategoryIsAnErrorAtCategory() throws IOException {
    Path json = labels(frame("a.jpg", "{\"id\": 0, \"box2d\": " + box(1, 1, 5, 5) + "}"));

    assertEquals(List.of(), read(json, context).get(0).objects());
    assertError(ProblemLog.at(json, "/0/labels/0/category"), "label has no category");
  }

  @Test
  void aBox2dWithoutFourNumbersIsAnErrorAtTheBox() throws IOException {
    Path json = labels(frame("a.jpg",
        label(0, "car", "{\"x1\": 1, \"y1\": 1, \"x2\": \"5\", \"y2\": 5}")));

    assertEquals(List.of(), read(json, context).get(0).objects());
    assertError(ProblemLog.at(json, "/0/labels/0/box2d"),
        "box2d needs numbers x1, y1, x2, y2; x2 is \"5\"");
  }

  @Test
  void aNanCornerIsAnErrorAtTheBox() throws IOException {
    Path json = labels(frame("a.jpg",
        label(0, "car", "{\"x1\": 1, \"y1\": NaN, \"x2\": 5, \"y2\": 5}")));

    assertEquals(List.of(), read(json, context).get(0).objects());
    assertError(ProblemLog.at(json, "/0/labels/0/box2d"), "not a number");
  }

  @Test
  void boxesBreakingTheBoxRulesAreErrorsAtTheirBox() throws IOException {
    Path json = labels(frame("a.jpg", label(0, "car", box(50, 10, 20, 40)) + ",\n"
        + label(1, "car", box(1200, 600, 1400, 700)) + ",\n"
        + label(2, "car", box(10, 10, 50, 50))));

    List<Frame> frames = read(json, context);

    assertEquals(List.of(new Box2D(10, 10, 50, 50)),
        frames.get(0).objects().stream().map(FrameObject::box).toList());
    List<Problem> problems = context.problems().problems();
    assertEquals(2, problems.size());
    assertEquals(ProblemLog.at(json, "/0/labels/0/box2d"), problems.get(0).location());
    assertTrue(problems.get(0).message().contains("zero or negative size"),
        problems.get(0).message());
    assertEquals(ProblemLog.at(json, "/0/labels/1/box2d"), problems.get(1).location());
    assertTrue(problems.get(1).message().contains("outside the 1280x720 image"),
        problems.get(1).message());
  }

  @Test
  void aFlagThatIsNotABooleanIsAnErrorAtTheAttribute() throws IOException {
    Path json = labels(frame("a.jpg", "{\"id\": 0, \"category\": \"car\", \"attributes\": "
        + "{\"occluded\": 1, \"truncated\": false}, \"box2d\": " + box(1, 1, 5, 5) + "}"));

    assertEquals(List.of(), read(json, context).get(0).objects());
    assertError(ProblemLog.at(json, "/0/labels/0/attributes/occluded"),
        "occluded must be true or false, is 1");
  }

  @Test
  void malformedJsonIsRejectedWithItsLineAndColumn() throws IOException {
    Path json = labels(frame("a.jpg", "") + ",\n{\"name\": }");

    UserInputException e = assertThrows(UserInputException.class, () -> read(json, context));

    // Line 1 opens the array, line 2 is the good frame, line 3 the broken one.
    assertTrue(e.getMessage().startsWith(json + ":3:"), e.getMessage());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void aSourceThatIsNotAnArrayOfFramesIsRejected() throws IOException {
    Path json = dir.resolve("labels.json");
    Files.writeString(json, "{\"frames\": []}");

    UserInputException e = assertThrows(UserInputException.class, () -> read(json, context));

    assertEquals(json + ": expected a JSON array of frames at the top", e.getMessage());
    UserInputException folder = assertThrows(UserInputException.class,
        () -> read(dir, context));
    assertTrue(folder.getMessage().startsWith(dir + ": not a BDD100K labels JSON file"),
        folder.getMessage());
  }

  /** Lays the fixture out as the official archive does, with 1280x720 images. */
  private Path officialLayout() {
    TestImages.copyFixture("bdd100k", dir.resolve("bdd100k"));
    for (String image : FIXTURE_IMAGES) {
      TestImages.write(dir.resolve("bdd100k/images/100k/train/" + image), 1280, 720);
    }
    return dir.resolve("bdd100k/labels/bdd100k_labels_images_train.json");
  }

  /** Writes {@code labels.json} holding these frames, one array element a line. */
  private Path labels(String frames) throws IOException {
    Path json = dir.resolve("labels.json");
    Files.writeString(json, "[\n" + frames + "\n]\n");
    return json;
  }

  /** A frame holding these labels; writes its 1280x720 image into {@code images/}. */
  private String frame(String name, String labels) {
    TestImages.write(dir.resolve("images/" + name), 1280, 720);
    return "{\"name\": \"" + name + "\", \"attributes\": {\"weather\": \"clear\", "
        + "\"scene\": \"highway\", \"timeofday\": \"daytime\"}, \"labels\": [" + labels + "]}";
  }

  private static String label(int id, String category, String box2d) {
    return "{\"id\": " + id + ", \"category\": \"" + category + "\", \"attributes\": "
        + "{\"occluded\": false, \"truncated\": false, \"trafficLightColor\": \"none\"}, "
        + "\"box2d\": " + box2d + "}";
  }

  private static String box(double x1, double y1, double x2, double y2) {
    return "{\"x1\": " + x1 + ", \"y1\": " + y1 + ", \"x2\": " + x2 + ", \"y2\": " + y2 + "}";
  }

  private static List<String> categories(Frame frame) {
    return frame.objects().stream().map(FrameObject::category).toList();
  }

  private static List<Frame> read(Path source, ReadContext context) throws IOException {
    List<Frame> frames = new ArrayList<>();
    new Bdd100kReader().read(source, context, frames::add);
    return frames;
  }

  private void assertError(String location, String message) {
    List<Problem> problems = context.problems().problems();
    assertEquals(1, problems.size(), problems.toString());
    Problem problem = problems.get(0);
    assertEquals(Problem.Severity.ERROR, problem.severity(), problem.toString());
    assertEquals(location, problem.location());
    assertTrue(problem.message().contains(message), problem.message());
  }
}
