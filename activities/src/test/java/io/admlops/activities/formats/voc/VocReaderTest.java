package io.admlops.activities.formats.voc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.admlops.schemas.frame.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocReaderTest {

  @TempDir
  Path dir;

  private final ReadContext context = ReadContext.keepingSourceClasses();

  @Test
  void readsBoxesClassesFlagsAndPosesOfTheFixture() throws IOException {
    List<Frame> frames = read(fixture(dir), context);

    assertEquals(List.of(), context.problems().problems());
    assertEquals(List.of("000012", "000031", "000046"), frames.stream().map(Frame::id).toList());

    Frame car = frames.get(0);
    assertEquals(dir.resolve("JPEGImages/000012.jpg").toAbsolutePath().toString(),
        car.image().uri());
    assertEquals(500, car.image().width());
    assertEquals(333, car.image().height());
    assertEquals(Provenance.of("voc", "000012"), car.provenance());
    assertEquals(List.of(new FrameObject(null, "car", new Box2D(155, 96, 351, 270), null, 1.0,
        1, null, false, false, null, null, Map.of("pose", "Left"))), car.objects());

    // Three objects; the person's head <part> has its own box and is not an object.
    Frame street = frames.get(1);
    assertEquals(List.of(
        new FrameObject(null, "person", new Box2D(101, 34, 223, 375), null, 0.0, 0, null,
            false, false, null, null, Map.of("pose", "Frontal")),
        new FrameObject(null, "bicycle", new Box2D(0, 159, 178, 371), null, 1.0, 0, null,
            false, false, null, null, Map.of("pose", "Right")),
        new FrameObject(null, "bottle", new Box2D(414, 199, 436, 251), null, 0.0, 0, null,
            false, true, null, null, Map.of("pose", "Unspecified"))), street.objects());

    Frame dog = frames.get(2);
    assertEquals(375, dog.image().width());
    assertEquals(500, dog.image().height());
    FrameObject onlyDog = dog.objects().get(0);
    assertEquals(1, dog.objects().size());
    assertEquals(new Box2D(59, 109, 300, 480), onlyDog.box());
    assertNull(onlyDog.occlusion(), "no <occluded> element means occlusion is not known");
    assertFalse(onlyDog.difficult());
  }

  @Test
  void findsTheYearFolderDirectlyOrUnderVocdevkit() throws IOException {
    fixture(dir.resolve("direct/VOC2007"));
    fixture(dir.resolve("devkit/VOCdevkit/VOC2012"));

    assertEquals(3, read(dir.resolve("direct"), context).size());
    assertEquals(3, read(dir.resolve("devkit"), context).size());
    assertEquals(List.of(), context.problems().problems());
  }

  @Test
  void aSourceWithSeveralYearsMustNameOne() {
    fixture(dir.resolve("VOCdevkit/VOC2007"));
    fixture(dir.resolve("VOCdevkit/VOC2012"));

    UserInputException e = assertThrows(UserInputException.class, () -> read(dir, context));

    assertTrue(e.getMessage().contains("VOCdevkit/VOC2007, VOCdevkit/VOC2012"), e.getMessage());
  }

  @Test
  void aSourceWithoutAnnotationsIsRejectedByName() {
    UserInputException e = assertThrows(UserInputException.class, () -> read(dir, context));

    assertTrue(e.getMessage().startsWith(dir + ": no Annotations/ folder"), e.getMessage());
  }

  @Test
  void malformedXmlIsReportedAtItsLineWithTheParserMessage() throws IOException {
    fixture(dir);
    Path broken = annotation("000099", """
        <object>
          <name>car</nme>
        </object>
        """);

    List<Frame> frames = read(dir, context);

    assertEquals(3, frames.size(), "the well-formed files are still read");
    Problem problem = onlyProblem();
    assertEquals(ProblemLog.at(broken, lineOf(broken, "</nme>")), problem.location());
    assertTrue(problem.message().startsWith("not well-formed XML: "), problem.message());
    assertTrue(problem.message().contains("\"name\""), problem.message());
    assertFalse(problem.message().contains("ParseError"), "the location is not repeated");
  }

  @Test
  void aRootOtherThanAnnotationIsAnErrorAtItsLine() throws IOException {
    Path file = writeAnnotation("000001", "<?xml version=\"1.0\"?>\n<labels>\n</labels>\n");

    assertEquals(List.of(), read(dir, context));
    assertError(ProblemLog.at(file, 2), "root element is <labels>");
  }

  @Test
  void aMissingImageLeavesTheFrameOutAndNamesTheFilenameLine() throws IOException {
    Path file = annotation("000001", object("car", box(10, 10, 50, 50)));
    Files.delete(dir.resolve("JPEGImages/000001.jpg"));

    assertEquals(List.of(), read(dir, context));
    assertError(ProblemLog.at(file, lineOf(file, "<filename>")),
        "image JPEGImages/000001.jpg is missing");
  }

  @Test
  void anImageThatIsNotAJpegOrPngLeavesTheFrameOut() throws IOException {
    Path file = annotation("000001", object("car", box(10, 10, 50, 50)));
    Files.writeString(dir.resolve("JPEGImages/000001.jpg"), "not an image");

    assertEquals(List.of(), read(dir, context));
    assertError(ProblemLog.at(file, lineOf(file, "<filename>")), "not a PNG or JPEG image");
  }

  @Test
  void aMissingSizeIsAWarningAndTheImageSizeIsUsed() throws IOException {
    Path file = writeAnnotation("000001", """
        <annotation>
          <filename>000001.jpg</filename>
        </annotation>
        """);
    TestImages.write(dir.resolve("JPEGImages/000001.jpg"), 64, 48);

    Frame frame = read(dir, context).get(0);

    assertEquals(64, frame.image().width());
    assertEquals(48, frame.image().height());
    assertWarning(ProblemLog.at(file, lineOf(file, "<annotation>")), "no <size>");
  }

  @Test
  void aSizeWithoutValidNumbersIsAWarningAtTheSizeElement() throws IOException {
    Path file = writeAnnotation("000001", """
        <annotation>
          <filename>000001.jpg</filename>
          <size>
            <width>wide</width>
            <height>375</height>
          </size>
        </annotation>
        """);
    TestImages.write(dir.resolve("JPEGImages/000001.jpg"), 500, 375);

    assertEquals(1, read(dir, context).size());
    assertWarning(ProblemLog.at(file, lineOf(file, "<size>")),
        "<size> needs positive integer <width> and <height>");
  }

  @Test
  void aSizeDisagreeingWithTheImageIsAWarningAndTheImageWins() throws IOException {
    Path file = annotation("000001", object("car", box(10, 10, 50, 50)));
    TestImages.write(dir.resolve("JPEGImages/000001.jpg"), 320, 240);

    Frame frame = read(dir, context).get(0);

    assertEquals(320, frame.image().width());
    assertEquals(240, frame.image().height());
    assertEquals(1, frame.objects().size());
    assertWarning(ProblemLog.at(file, lineOf(file, "<size>")),
        "<size> says 500x375 but the image is 320x240");
  }

  @Test
  void anObjectWithoutNameIsAnErrorAtTheObject() throws IOException {
    Path file = annotation("000001", "<object>\n<pose>Left</pose>\n" + box(10, 10, 50, 50)
        + "</object>\n");

    assertEquals(List.of(), read(dir, context).get(0).objects());
    assertError(ProblemLog.at(file, lineOf(file, "<object>")), "object has no <name>");
  }

  @Test
  void anUnknownClassIsAnErrorAtItsNameAndTheOtherObjectsStay() throws IOException {
    Path file = annotation("000001", object("car", box(10, 10, 50, 50))
        + object("aeroplane", box(60, 60, 90, 90)));
    ReadContext vehicles = new ReadContext(new ProblemLog(), Taxonomy.of(
        new DatasetDefinition("vehicles", "detection-2d", List.of("car"), Map.of(), null)));

    Frame frame = read(dir, vehicles).get(0);

    assertEquals(List.of("car"), frame.objects().stream().map(FrameObject::category).toList());
    Problem problem = vehicles.problems().problems().get(0);
    assertEquals(1, vehicles.problems().problems().size());
    assertEquals(ProblemLog.at(file, lineOf(file, "<name>aeroplane</name>")),
        problem.location());
    assertTrue(problem.message().contains("unknown class 'aeroplane'"), problem.message());
  }

  @Test
  void anObjectWithoutBndboxIsAnErrorAtTheObject() throws IOException {
    Path file = annotation("000001", "<object>\n<name>car</name>\n</object>\n");

    assertEquals(List.of(), read(dir, context).get(0).objects());
    assertError(ProblemLog.at(file, lineOf(file, "<object>")), "object has no <bndbox>");
  }

  @Test
  void aMissingCornerIsAnErrorAtTheBndbox() throws IOException {
    Path file = annotation("000001", object("car", """
        <bndbox>
          <xmin>10</xmin>
          <ymin>10</ymin>
          <xmax>50</xmax>
        </bndbox>
        """));

    assertEquals(List.of(), read(dir, context).get(0).objects());
    assertError(ProblemLog.at(file, lineOf(file, "<bndbox>")), "<bndbox> has no <ymax>");
  }

  @Test
  void aCornerThatIsNotANumberIsAnErrorAtItsLine() throws IOException {
    Path file = annotation("000001", object("car", box("ten", "10", "50", "50")));

    assertEquals(List.of(), read(dir, context).get(0).objects());
    assertError(ProblemLog.at(file, lineOf(file, "<xmin>ten</xmin>")),
        "<xmin> is not a number: 'ten'");
  }

  @Test
  void aNanCornerIsAnErrorAtItsLine() throws IOException {
    Path file = annotation("000001", object("car", box("10", "10", "50", "NaN")));

    assertEquals(List.of(), read(dir, context).get(0).objects());
    assertError(ProblemLog.at(file, lineOf(file, "<ymax>NaN</ymax>")),
        "<ymax> must be a finite number, is NaN");
  }

  @Test
  void boxesBreakingTheBoxRulesAreErrorsAtTheBndbox() throws IOException {
    Path file = annotation("000001", object("car", box(50, 10, 20, 40))
        + object("car", box(400, 300, 620, 370)) + object("car", box(10, 10, 50, 50)));

    Frame frame = read(dir, context).get(0);

    assertEquals(List.of(new Box2D(9, 9, 50, 50)),
        frame.objects().stream().map(FrameObject::box).toList());
    List<Problem> problems = context.problems().problems();
    assertEquals(2, problems.size());
    List<Integer> bndboxLines = linesOf(file, "<bndbox>");
    assertEquals(ProblemLog.at(file, bndboxLines.get(0)), problems.get(0).location());
    assertTrue(problems.get(0).message().contains("zero or negative size"),
        problems.get(0).message());
    assertEquals(ProblemLog.at(file, bndboxLines.get(1)), problems.get(1).location());
    assertTrue(problems.get(1).message().contains("outside the 500x375 image"),
        problems.get(1).message());
  }

  @Test
  void aFlagOtherThanZeroOrOneIsAnErrorAtItsLine() throws IOException {
    Path file = annotation("000001", "<object>\n<name>car</name>\n<truncated>yes</truncated>\n"
        + box(10, 10, 50, 50) + "</object>\n");

    assertEquals(List.of(), read(dir, context).get(0).objects());
    assertError(ProblemLog.at(file, lineOf(file, "<truncated>")),
        "<truncated> must be 0 or 1, is 'yes'");
  }

  /** Copies the fixture annotations into {@code root} and makes their images. */
  private static Path fixture(Path root) {
    TestImages.copyFixture("voc", root);
    TestImages.write(root.resolve("JPEGImages/000012.jpg"), 500, 333);
    TestImages.write(root.resolve("JPEGImages/000031.jpg"), 500, 375);
    TestImages.write(root.resolve("JPEGImages/000046.jpg"), 375, 500);
    return root;
  }

  /** Writes a 500x375 annotation holding these objects, with its 500x375 image. */
  private Path annotation(String id, String objects) throws IOException {
    Path file = writeAnnotation(id, """
        <annotation>
          <folder>VOC2012</folder>
          <filename>%s.jpg</filename>
          <size>
            <width>500</width>
            <height>375</height>
            <depth>3</depth>
          </size>
          <segmented>0</segmented>
        %s</annotation>
        """.formatted(id, objects));
    TestImages.write(dir.resolve("JPEGImages/" + id + ".jpg"), 500, 375);
    return file;
  }

  private Path writeAnnotation(String id, String xml) throws IOException {
    Path file = dir.resolve("Annotations/" + id + ".xml");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, xml);
  }

  private static String object(String name, String bndbox) {
    return "<object>\n<name>" + name + "</name>\n<pose>Unspecified</pose>\n"
        + "<truncated>0</truncated>\n<difficult>0</difficult>\n" + bndbox + "</object>\n";
  }

  private static String box(int xmin, int ymin, int xmax, int ymax) {
    return box(Integer.toString(xmin), Integer.toString(ymin), Integer.toString(xmax),
        Integer.toString(ymax));
  }

  private static String box(String xmin, String ymin, String xmax, String ymax) {
    return "<bndbox>\n<xmin>" + xmin + "</xmin>\n<ymin>" + ymin + "</ymin>\n<xmax>" + xmax
        + "</xmax>\n<ymax>" + ymax + "</ymax>\n</bndbox>\n";
  }

  private static List<Frame> read(Path source, ReadContext context) throws IOException {
    List<Frame> frames = new ArrayList<>();
    new VocReader().read(source, context, frames::add);
    return frames;
  }

  private Problem onlyProblem() {
    List<Problem> problems = context.problems().problems();
    assertEquals(1, problems.size(), problems.toString());
    return problems.get(0);
  }

  private void assertError(String location, String message) {
    assertProblem(Problem.Severity.ERROR, location, message);
  }

  private void assertWarning(String location, String message) {
    assertProblem(Problem.Severity.WARNING, location, message);
  }

  private void assertProblem(Problem.Severity severity, String location, String message) {
    Problem problem = onlyProblem();
    assertEquals(severity, problem.severity(), problem.toString());
    assertEquals(location, problem.location());
    assertTrue(problem.message().contains(message), problem.message());
  }

  /** The 1-based line of the first line containing {@code text}. */
  private static int lineOf(Path file, String text) throws IOException {
    return linesOf(file, text).get(0);
  }

  private static List<Integer> linesOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        found.add(i + 1);
      }
    }
    assertFalse(found.isEmpty(), text + " is not in " + file);
    return found;
  }
}
