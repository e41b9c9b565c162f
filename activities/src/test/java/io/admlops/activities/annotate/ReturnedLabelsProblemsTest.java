package io.admlops.activities.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.formats.DatasetFormat;
import io.admlops.activities.formats.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem in returned labels names the returned file and where in it. */
class ReturnedLabelsProblemsTest {

  @TempDir Path dir;
  private LabelingBatches.Batch batch;
  private String image;

  @BeforeEach
  void writeJob() throws IOException {
    batch = LabelingBatches.write(dir, "b-1", 2, 17);
    image = batch.job().frames().get(0).image();
  }

  @Test
  void labelStudioFileThatIsNotJsonIsReportedAtItsLineAndColumn() throws IOException {
    Path file = Files.writeString(dir.resolve("export.json"), "[\n  {\"data\": }\n]");

    Problem p = onlyProblem(ReturnFormat.LABEL_STUDIO, file);

    assertEquals(file + ":2:12", p.location());
    assertTrue(p.message().startsWith("not valid JSON"), p.message());
  }

  @Test
  void labelStudioExportInAnotherShapeIsReportedAtTheTask() throws IOException {
    Path file = Files.writeString(dir.resolve("export.json"),
        "[{\"image\": \"images/" + image + "\", \"data\": {\"image\": \"images/" + image
            + "\"}, \"label\": []}]");

    Problem p = onlyProblem(ReturnFormat.LABEL_STUDIO, file);

    assertEquals(file + "#/0/completions", p.location());
    assertTrue(p.message().contains("JSON-MIN"), p.message());
  }

  @Test
  void labelStudioBoxWithoutCoordinatesIsReportedAtTheField() throws IOException {
    Path file = Files.writeString(dir.resolve("export.json"),
        "[{\"data\": {\"image\": \"images/" + image + "\"}, \"annotations\": [{\"result\": "
            + "[{\"id\": \"r\", \"type\": \"rectanglelabels\", \"value\": {\"x\": 1, \"y\": 1, "
            + "\"width\": \"wide\", \"height\": 4, \"rectanglelabels\": [\"car\"]}}, "
            + "{\"id\": \"r\", \"type\": \"choices\", \"from_name\": \"occlusion\", "
            + "\"value\": {\"choices\": [\"hidden\"]}}]}]}]");

    List<Problem> problems = read(ReturnFormat.LABEL_STUDIO, file).problems().problems();

    assertEquals(List.of(file + "#/0/annotations/0/result/0/value/width",
        file + "#/0/annotations/0/result/1"),
        problems.stream().map(Problem::location).toList());
    assertTrue(problems.get(1).message().contains("occlusion = 'hidden' is not one of"),
        problems.get(1).message());
  }

  @Test
  void missingFileIsAProblemOfTheReturnNotAFailure() throws IOException {
    Path file = dir.resolve("nowhere.json");

    ReturnedLabels returned = read(ReturnFormat.LABEL_STUDIO, file);

    assertEquals(file.toString(), returned.problems().problems().get(0).location());
    assertEquals(QaReport.Decision.REWORK,
        new AnnotationQa(QaPolicy.DEFAULTS).check(returned).decision());
  }

  @Test
  void cvatXmlThatIsNotWellFormedIsReportedAtItsLine() throws IOException {
    Path file = Files.writeString(dir.resolve("annotations.xml"),
        "<annotations>\n<version>1.1</version>\n<image name=\"" + image + "\">\n</annotations>");

    Problem p = onlyProblem(ReturnFormat.CVAT, file);

    assertEquals(file + ":4", p.location());
    assertTrue(p.message().startsWith("not well-formed XML"), p.message());
  }

  @Test
  void cvatBoxProblemsAreReportedAtTheirLines() throws IOException {
    Path file = Files.writeString(dir.resolve("annotations.xml"),
        "<annotations>\n<version>1.1</version>\n<image name=\"" + image + "\">\n"
            + "<box label=\"car\" xtl=\"a\" ytl=\"1\" xbr=\"5\" ybr=\"5\"/>\n"
            + "<box label=\"tram\" xtl=\"1\" ytl=\"1\" xbr=\"5\" ybr=\"5\"/>\n"
            + "<box label=\"car\" xtl=\"1\" ytl=\"1\" xbr=\"5\" ybr=\"5\">\n"
            + "  <attribute name=\"colour\">red</attribute>\n</box>\n"
            + "<box label=\"car\" xtl=\"1\" ytl=\"1\" xbr=\"500\" ybr=\"5\"/>\n"
            + "<polygon label=\"car\" points=\"1,1;2,2;3,1\"/>\n"
            + "</image>\n<track id=\"0\" label=\"car\"></track>\n</annotations>\n");

    List<Problem> problems = read(ReturnFormat.CVAT, file).problems().problems();

    assertEquals(List.of(file + ":4", file + ":7", file + ":9", file + ":10", file + ":12"),
        problems.stream().map(Problem::location).toList());
    assertTrue(problems.get(0).message().contains("xtl is 'a'"), problems.get(0).message());
    assertTrue(problems.get(1).message().contains("attribute 'colour' is not in the annotation "
        + "standard"), problems.get(1).message());
    assertTrue(problems.get(2).message().contains("lies outside the 384x128 image"),
        problems.get(2).message());
    assertEquals(Problem.Severity.WARNING, problems.get(3).severity());
    assertTrue(problems.get(4).message().contains("CVAT for video"), problems.get(4).message());
  }

  @Test
  void cocoProblemsAreReportedInTheReturnedFileNotTheScratchView() throws IOException {
    Path coco = DatasetFormatReturnTest.labelsOnly(batch, DatasetFormat.COCO, "images");
    Path json = coco.resolve("annotations.json");
    Files.writeString(json, Files.readString(json).replace("\"name\":\"car\"",
        "\"name\":\"dog\""));

    List<Problem> problems = read(ReturnFormat.COCO, json).problems().problems();

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).location().matches(Pattern.quote(json.toString())
        + "#/categories/\\d+/name"), problems.get(0).location());
    assertTrue(problems.get(0).message().startsWith("unknown class 'dog'"),
        problems.get(0).message());
  }

  @Test
  void cocoFileThatIsNotJsonIsReportedAtItsLineAndColumn() throws IOException {
    Path json = Files.writeString(dir.resolve("instances.json"), "{\n  \"images\": [}\n");

    Problem p = onlyProblem(ReturnFormat.COCO, json);

    assertEquals(json + ":2:14", p.location());
    assertTrue(p.message().startsWith("not valid JSON"), p.message());
  }

  @Test
  void kittiProblemsAreReportedAtTheReturnedLabelFileAndLine() throws IOException {
    Path kitti = DatasetFormatReturnTest.labelsOnly(batch, DatasetFormat.KITTI, "image_2");
    Path labels = kitti.resolve("label_2").resolve(image.replace(".png", ".txt"));
    Files.writeString(labels, Files.readString(labels) + "Car 0.00 0 -10 1 2 3\n");
    long line = Files.readAllLines(labels).size();

    Problem p = onlyProblem(ReturnFormat.KITTI, kitti);

    assertEquals(labels + ":" + line, p.location());
    assertFalse(p.toString().contains(".returned"), p.toString());
  }

  @Test
  void kittiFolderWithoutLabelsIsReportedAtTheFolder() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    Problem p = onlyProblem(ReturnFormat.KITTI, empty);

    assertEquals(empty.toString(), p.location());
    assertTrue(p.message().startsWith("no label_2/ folder"), p.message());
  }

  private ReturnedLabels read(ReturnFormat format, Path source) throws IOException {
    return format.read(source.toString(), batch.jobFolder(), batch.standard());
  }

  private Problem onlyProblem(ReturnFormat format, Path source) throws IOException {
    List<Problem> problems = read(format, source).problems().problems();
    assertEquals(1, problems.size(), problems.toString());
    return problems.get(0);
  }
}
