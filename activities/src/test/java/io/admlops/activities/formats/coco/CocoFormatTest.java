package io.admlops.activities.formats.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.DatasetConversion;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.formats.DatasetFormat;
import io.admlops.activities.formats.FrameCollector;
import io.admlops.activities.formats.Problem;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.activities.formats.TestImages;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.json.Mappers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CocoFormatTest {

  @TempDir Path dir;
  private Path json;

  @BeforeEach
  void copyFixtureWithImages() {
    Path coco = TestImages.copyFixture("coco", dir.resolve("coco"));
    TestImages.write(coco.resolve("val2017/000000397133.jpg"), 640, 427);
    TestImages.write(coco.resolve("val2017/000000037777.jpg"), 352, 230);
    TestImages.write(coco.resolve("val2017/000000252219.jpg"), 640, 428);
    json = coco.resolve("annotations/instances_val2017.json");
  }

  @Test
  void readsImagesFromTheSplitFolderWithCrowdAreaAndSparseCategoryIds() {
    FrameCollector read = FrameCollector.read(new CocoReader(), json);

    assertTrue(read.problems().problems().isEmpty(), read.problems().problems().toString());
    assertEquals(List.of("397133", "37777", "252219"),
        read.frames().stream().map(Frame::id).toList());
    Frame first = read.frames().get(0);
    assertTrue(first.image().uri().endsWith("val2017/000000397133.jpg"), first.image().uri());
    assertEquals(List.of("person", "car", "person"),
        first.objects().stream().map(FrameObject::category).toList());
    FrameObject person = first.objects().get(0);
    assertEquals("1768", person.id());
    assertEquals(Box2D.fromXywh(388.66, 69.92, 109.41, 277.62), person.box());
    assertEquals(17376.91885, person.area(), "the segmentation area, not the box's");
    assertTrue(first.objects().get(2).crowd());
    assertEquals("dog", read.frames().get(1).objects().get(0).category());
    assertTrue(read.frames().get(2).objects().isEmpty(), "an image without annotations");
  }

  @Test
  void writingAndReadingAgainKeepsBoxesCrowdAreaAndNames() throws Exception {
    Path out = dir.resolve("out");
    DatasetConversion.convert(DatasetFormat.COCO, json, DatasetFormat.COCO, out,
        Taxonomy.SOURCE, false);

    List<Frame> original = FrameCollector.read(new CocoReader(), json).frames();
    List<Frame> again = FrameCollector.read(new CocoReader(), out).frames();

    assertEquals(original.size(), again.size());
    for (int i = 0; i < original.size(); i++) {
      List<FrameObject> a = original.get(i).objects();
      List<FrameObject> b = again.get(i).objects();
      assertEquals(a.size(), b.size());
      for (int k = 0; k < a.size(); k++) {
        assertEquals(a.get(k).category(), b.get(k).category());
        assertEquals(a.get(k).box().x1(), b.get(k).box().x1(), 1e-9);
        assertEquals(a.get(k).box().width(), b.get(k).box().width(), 1e-9);
        assertEquals(a.get(k).area(), b.get(k).area());
        assertEquals(a.get(k).crowd(), b.get(k).crowd());
      }
    }
    JsonNode written = Mappers.json().readTree(out.resolve("annotations.json").toFile());
    assertEquals(3, written.path("images").size());
    assertEquals(4, written.path("annotations").size());
    assertEquals("person", written.path("categories").get(0).path("name").asText());
    assertTrue(Files.isRegularFile(out.resolve("images/37777.jpg")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "duplicate image id|\"id\": 252219, \"license\"|\"id\": 397133, \"license\"|/images/2/id|duplicate image id 397133",
      "annotation without its image|\"image_id\": 37777|\"image_id\": 5|/annotations/3/image_id|annotation 2001 points at image 5, which is not in images",
      "unknown category id|\"category_id\": 18|\"category_id\": 77|/annotations/3/category_id|unknown category id 77",
      "duplicate annotation id|\"id\": 2001|\"id\": 1768|/annotations/3/id|duplicate annotation id 1768",
      "zero width|[102.49, 118.47, 7.9, 17.31]|[102.49, 118.47, 0, 17.31]|/annotations/3/bbox|box (102.49, 118.47, 102.49, 135.78) has zero or negative size",
      "NaN|[102.49, 118.47, 7.9, 17.31]|[102.49, NaN, 7.9, 17.31]|/annotations/3/bbox|box (102.49, NaN, 110.39, NaN) has a coordinate that is not a number",
      "three numbers|[102.49, 118.47, 7.9, 17.31]|[102.49, 118.47, 7.9]|/annotations/3/bbox|bbox must be 4 numbers [x, y, width, height]",
      "outside|[102.49, 118.47, 7.9, 17.31]|[350.0, 118.47, 7.9, 17.31]|/annotations/3/bbox|box (350.0, 118.47, 357.9, 135.78) lies outside the 352x230 image"})
  void eachInvalidRecordIsReportedAtItsJsonPointer(String rule, String from, String to,
      String pointer, String message) throws Exception {
    Files.writeString(json, Files.readString(json).replace(from, to));

    Problem problem = FrameCollector.read(new CocoReader(), json).onlyProblem();

    assertEquals(json + "#" + pointer, problem.location());
    assertEquals(message, problem.message());
  }

  @Test
  void crowdRegionsBecomeKittiDontCareAndAreLeftOutOfYolo() throws Exception {
    Path kitti = dir.resolve("kitti");
    Path yolo = dir.resolve("yolo");
    DatasetConversion.convert(DatasetFormat.COCO, json, DatasetFormat.KITTI, kitti,
        Taxonomy.SOURCE, false);
    DatasetConversion.convert(DatasetFormat.COCO, json, DatasetFormat.YOLO, yolo,
        Taxonomy.SOURCE, false);

    List<String> kittiLines = Files.readAllLines(kitti.resolve("label_2/397133.txt"));
    assertEquals(List.of("person", "car", "DontCare"),
        kittiLines.stream().map(l -> l.split(" ")[0]).toList());
    assertEquals(2, Files.readAllLines(yolo.resolve("labels/397133.txt")).size());
  }

  @Test
  void aClassTheDefinitionDoesNotKnowIsReportedAtItsCategoryName() {
    Taxonomy noDogs = Taxonomy.of(new DatasetDefinition("d",
        "detection-2d", List.of("person", "car"), Map.of(), null));

    FrameCollector read = FrameCollector.read(new CocoReader(), json, noDogs);

    assertEquals(json + "#/categories/2/name: error: unknown class 'dog'; its annotations "
        + "are left out", read.onlyProblem().toString());
    assertTrue(read.frames().get(1).objects().isEmpty());
  }

  @Test
  void aMissingImageFileIsReportedAtItsFileName() throws Exception {
    Files.delete(dir.resolve("coco/val2017/000000252219.jpg"));

    FrameCollector read = FrameCollector.read(new CocoReader(), json);

    assertEquals(json + "#/images/2/file_name", read.onlyProblem().location());
    assertEquals(2, read.frames().size());
  }
}
