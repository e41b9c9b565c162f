package io.admlops.activities.formats.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YoloReaderTest {

  @TempDir
  Path temp;

  @Test
  void readsTheFlatLayoutWithBoxesInPixels() throws IOException {
    Path root = validDataset();
    ReadContext context = ReadContext.keepingSourceClasses();

    List<Frame> frames = read(root, context);

    assertEquals(List.of("000001", "000002", "000003"), frames.stream().map(Frame::id).toList());
    List<FrameObject> first = frames.get(0).objects();
    assertEquals(2, first.size());
    assertEquals("car", first.get(0).category());
    assertBox(new Box2D(20, 10, 60, 50), first.get(0).box());
    assertEquals("pedestrian", first.get(1).category());
    assertBox(new Box2D(140, 20, 160, 80), first.get(1).box());
    assertNull(first.get(0).score());

    FrameObject scored = frames.get(1).objects().get(0);
    assertEquals("cyclist", scored.category());
    assertBox(new Box2D(120, 60, 200, 180), scored.box());
    assertEquals(0.87, scored.score(), 1e-12);
    assertEquals(320, frames.get(1).image().width());
    assertEquals(root.resolve("images/000002.jpg").toAbsolutePath().toString(),
        frames.get(1).image().uri());
    assertEquals("yolo", frames.get(1).provenance().source());
    assertEquals("000002.jpg", frames.get(1).provenance().originalId());
    assertEquals(0, context.problems().errorCount());
  }

  @Test
  void anImageWithoutLabelFileIsABackgroundFrameWithAWarning() throws IOException {
    Path root = validDataset();
    ReadContext context = ReadContext.keepingSourceClasses();

    List<Frame> frames = read(root, context);

    assertTrue(frames.get(2).objects().isEmpty());
    assertEquals(1, context.problems().warningCount());
    Problem warning = problemAt(context.problems(), root.resolve("images/000003.png"));
    assertEquals(Problem.Severity.WARNING, warning.severity());
    assertTrue(warning.message().contains("background"), warning.message());
  }

  @Test
  void mirrorsTheSplitFoldersUnderImagesIntoLabels() throws IOException {
    Path root = TestImages.copyFixture("yolo/split", temp.resolve("split"));
    TestImages.write(root.resolve("images/train/000001.jpg"), 160, 120);
    TestImages.write(root.resolve("images/val/000001.jpg"), 160, 120);
    ReadContext context = ReadContext.keepingSourceClasses();

    List<Frame> frames = read(root, context);

    assertEquals(List.of("train_000001", "val_000001"), frames.stream().map(Frame::id).toList());
    assertEquals("pedestrian", frames.get(0).objects().get(0).category());
    assertBox(new Box2D(40, 30, 120, 90), frames.get(0).objects().get(0).box());
    assertEquals("car", frames.get(1).objects().get(0).category());
    assertBox(new Box2D(0, 0, 80, 60), frames.get(1).objects().get(0).box());
    assertEquals("val/000001.jpg", frames.get(1).provenance().originalId());
    assertEquals(0, context.problems().errorCount() + context.problems().warningCount());
  }

  @Test
  void reportsEachInvalidLineAtItsFileAndLineAndKeepsTheValidOnes() throws IOException {
    Path root = invalidDataset();
    ReadContext context = ReadContext.keepingSourceClasses();

    List<Frame> frames = read(root, context);

    Path bad = root.resolve("labels/bad.txt");
    assertError(context.problems(), bad, 2, "expected 5 columns");
    assertError(context.problems(), bad, 3, "column 3 (y_center) is not a number: 'abc'");
    assertError(context.problems(), bad, 4, "column 2 (x_center) is NaN");
    assertError(context.problems(), bad, 5, "class id from 0 to 2, is 7");
    assertError(context.problems(), bad, 6, "class id from 0 to 2, is 1.5");
    assertError(context.problems(), bad, 7, "column 2 (x_center) must be within 0..1");
    assertError(context.problems(), bad, 8, "width and height must be positive");
    assertError(context.problems(), bad, 9, "lies outside the 200x100 image");
    assertError(context.problems(), bad, 10, "column 6 (confidence) must be within 0..1");
    Frame badFrame = frames.get(0);
    assertEquals("bad", badFrame.id());
    assertEquals(List.of("car", "cyclist"),
        badFrame.objects().stream().map(FrameObject::category).toList());
  }

  @Test
  void aLabelFileWithoutImageIsAnErrorAtItsFirstLine() throws IOException {
    Path root = invalidDataset();
    ReadContext context = ReadContext.keepingSourceClasses();

    read(root, context);

    assertError(context.problems(), root.resolve("labels/orphan.txt"), 1, "no image");
  }

  @Test
  void twoImagesGivingTheSameFrameIdKeepTheFirst() throws IOException {
    Path root = invalidDataset();
    ReadContext context = ReadContext.keepingSourceClasses();

    List<Frame> frames = read(root, context);

    assertEquals(List.of("bad", "dup"), frames.stream().map(Frame::id).toList());
    assertEquals(root.resolve("images/dup.jpg").toAbsolutePath().toString(),
        frames.get(1).image().uri());
    Problem duplicate = problemAt(context.problems(), root.resolve("images/dup.png"));
    assertEquals(Problem.Severity.ERROR, duplicate.severity());
    assertTrue(duplicate.message().contains("frame id 'dup'"), duplicate.message());
  }

  @Test
  void anImageWhoseHeaderCannotBeReadIsAnErrorAtTheImage() throws IOException {
    Path root = validDataset();
    Path broken = Files.writeString(root.resolve("images/000001.png"), "not an image");
    ReadContext context = ReadContext.keepingSourceClasses();

    List<Frame> frames = read(root, context);

    assertEquals(List.of("000002", "000003"), frames.stream().map(Frame::id).toList());
    Problem problem = problemAt(context.problems(), broken);
    assertEquals(Problem.Severity.ERROR, problem.severity());
    assertTrue(problem.message().contains("not a PNG or JPEG"), problem.message());
  }

  @Test
  void aClassTheTaxonomyDoesNotKnowIsAnErrorAtTheObjectsLine() throws IOException {
    Path root = validDataset();
    Taxonomy taxonomy = Taxonomy.of(new DatasetDefinition("driving", "detection-2d",
        List.of("vehicle", "pedestrian"), Map.of("car", "vehicle"), null));
    ReadContext context = new ReadContext(new ProblemLog(), taxonomy);

    List<Frame> frames = read(root, context);

    assertEquals(List.of("vehicle", "pedestrian"),
        frames.get(0).objects().stream().map(FrameObject::category).toList());
    assertTrue(frames.get(1).objects().isEmpty());
    assertEquals(1, context.problems().errorCount());
    assertError(context.problems(), root.resolve("labels/000002.txt"), 1,
        "unknown class 'cyclist'");
  }

  @Test
  void readsLabelImgsClassListInsideLabelsWithoutTakingItForALabelFile() throws IOException {
    Path root = temp.resolve("labelimg");
    Files.createDirectories(root.resolve("labels"));
    Files.writeString(root.resolve("labels/classes.txt"), "traffic light\n");
    Files.writeString(root.resolve("labels/0001.txt"), "0 0.5 0.5 0.5 0.5\n");
    TestImages.write(root.resolve("images/0001.png"), 40, 40);
    ReadContext context = ReadContext.keepingSourceClasses();

    List<Frame> frames = read(root, context);

    assertEquals("traffic light", frames.get(0).objects().get(0).category());
    assertEquals(0, context.problems().errorCount() + context.problems().warningCount());
  }

  @Test
  void withoutClassNamesTheReadFailsNamingTheFolder() throws IOException {
    Path root = temp.resolve("nameless");
    Files.createDirectories(root.resolve("labels"));
    TestImages.write(root.resolve("images/0001.png"), 40, 40);

    UserInputException e = assertThrows(UserInputException.class,
        () -> read(root, ReadContext.keepingSourceClasses()));

    assertTrue(e.getMessage().startsWith(root + ": no class names"), e.getMessage());
  }

  @Test
  void withoutImagesFolderTheReadFailsNamingTheFolder() {
    UserInputException e = assertThrows(UserInputException.class,
        () -> read(temp, ReadContext.keepingSourceClasses()));

    assertTrue(e.getMessage().startsWith(temp + ": no images/ folder"), e.getMessage());
  }

  private Path validDataset() {
    Path root = TestImages.copyFixture("yolo/valid", temp.resolve("valid"));
    TestImages.write(root.resolve("images/000001.png"), 200, 100);
    TestImages.write(root.resolve("images/000002.jpg"), 320, 240);
    TestImages.write(root.resolve("images/000003.png"), 64, 48);
    return root;
  }

  private Path invalidDataset() {
    Path root = TestImages.copyFixture("yolo/invalid", temp.resolve("invalid"));
    TestImages.write(root.resolve("images/bad.png"), 200, 100);
    TestImages.write(root.resolve("images/dup.jpg"), 50, 50);
    TestImages.write(root.resolve("images/dup.png"), 50, 50);
    return root;
  }

  private static List<Frame> read(Path root, ReadContext context) throws IOException {
    List<Frame> frames = new ArrayList<>();
    new YoloReader().read(root, context, frames::add);
    return frames;
  }

  private static void assertBox(Box2D expected, Box2D actual) {
    assertEquals(expected.x1(), actual.x1(), 1e-6, "x1 of " + actual);
    assertEquals(expected.y1(), actual.y1(), 1e-6, "y1 of " + actual);
    assertEquals(expected.x2(), actual.x2(), 1e-6, "x2 of " + actual);
    assertEquals(expected.y2(), actual.y2(), 1e-6, "y2 of " + actual);
  }

  private static void assertError(ProblemLog log, Path file, int line, String text) {
    Problem problem = problemAt(log, ProblemLog.at(file, line));
    assertEquals(Problem.Severity.ERROR, problem.severity(), problem.toString());
    assertTrue(problem.message().contains(text), problem.toString());
  }

  private static Problem problemAt(ProblemLog log, Path file) {
    return problemAt(log, file.toString());
  }

  private static Problem problemAt(ProblemLog log, String location) {
    return log.problems().stream().filter(p -> p.location().equals(location)).findFirst()
        .orElseThrow(() -> new AssertionError("no problem at " + location + " among "
            + log.problems()));
  }
}
