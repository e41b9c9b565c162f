package io.admlops.activities.formats.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.activities.formats.TestImages;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.Provenance;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YoloWriterTest {

  @TempDir
  Path temp;

  @Test
  void writesTheBoxAsClassCenterAndSizeInFractionsOfTheImage() throws IOException {
    Path out = temp.resolve("out");
    YoloWriter writer = new YoloWriter(out, Taxonomy.SOURCE);
    writer.write(frame("000001", 200, 100,
        FrameObject.box("car", new Box2D(20, 10, 60, 50))));
    writer.finish();

    assertEquals("0 0.200000 0.300000 0.200000 0.400000\n",
        Files.readString(out.resolve("labels/000001.txt")));
    assertTrue(Files.isRegularFile(out.resolve("images/000001.png")));
  }

  @Test
  void numbersClassesInTheTaxonomysOrderAndListsThemInClassesTxtAndDataYaml()
      throws IOException {
    Path out = temp.resolve("out");
    Taxonomy taxonomy = Taxonomy.of(new DatasetDefinition("driving", "detection-2d",
        List.of("pedestrian", "car"), Map.of(), null));
    YoloWriter writer = new YoloWriter(out, taxonomy);
    writer.write(frame("000001", 200, 100,
        FrameObject.box("car", new Box2D(20, 10, 60, 50))));
    writer.finish();

    assertTrue(Files.readString(out.resolve("labels/000001.txt")).startsWith("1 "));
    assertEquals("pedestrian\ncar\n", Files.readString(out.resolve("classes.txt")));
    JsonNode data = Mappers.yaml().readTree(out.resolve("data.yaml").toFile());
    assertEquals("images", data.path("train").asText());
    assertEquals("images", data.path("val").asText());
    assertEquals(2, data.path("nc").asInt());
    assertEquals("pedestrian", data.path("names").path("0").asText());
    assertEquals("car", data.path("names").path("1").asText());
    assertFalse(data.has("path"), "a relative path would resolve from the working directory");
  }

  @Test
  void numbersClassesByFirstAppearanceWithoutTaxonomy() throws IOException {
    Path out = temp.resolve("out");
    YoloWriter writer = new YoloWriter(out, Taxonomy.SOURCE);
    writer.write(frame("a", 200, 100, FrameObject.box("truck", new Box2D(0, 0, 20, 20)),
        FrameObject.box("bus", new Box2D(20, 20, 40, 40))));
    writer.write(frame("b", 200, 100, FrameObject.box("bus", new Box2D(0, 0, 20, 20)),
        FrameObject.box("truck", new Box2D(20, 20, 40, 40))));
    writer.finish();

    assertEquals(List.of("0", "1"), classColumn(out.resolve("labels/a.txt")));
    assertEquals(List.of("1", "0"), classColumn(out.resolve("labels/b.txt")));
    assertEquals("truck\nbus\n", Files.readString(out.resolve("classes.txt")));
  }

  @Test
  void leavesOutDontCareAndWritesEmptyLabelFilesForBackgroundFrames() throws IOException {
    Path out = temp.resolve("out");
    YoloWriter writer = new YoloWriter(out, Taxonomy.SOURCE);
    writer.write(frame("ignored", 200, 100,
        FrameObject.box(Taxonomy.DONT_CARE, new Box2D(0, 0, 20, 20))));
    writer.write(frame("empty", 200, 100));
    writer.finish();

    assertEquals("", Files.readString(out.resolve("labels/ignored.txt")));
    assertEquals("", Files.readString(out.resolve("labels/empty.txt")));
    assertEquals("", Files.readString(out.resolve("classes.txt")));
  }

  @Test
  void clipsBoxesToTheImageAndWritesTheScoreOfPredictions() throws IOException {
    Path out = temp.resolve("out");
    YoloWriter writer = new YoloWriter(out, Taxonomy.SOURCE);
    FrameObject prediction = new FrameObject(null, "car", new Box2D(-0.5, 10, 60, 100.5), null,
        null, null, null, false, false, null, 0.87, Map.of());
    writer.write(frame("000001", 200, 100, prediction));
    writer.finish();

    assertEquals("0 0.150000 0.550000 0.300000 0.900000 0.870000\n",
        Files.readString(out.resolve("labels/000001.txt")));
  }

  @Test
  void framesReadBackWithTheSameBoxesAndClasses() throws IOException {
    List<Frame> written = List.of(
        frame("000001", 375, 241, FrameObject.box("car", new Box2D(12.4, 30.2, 97.9, 88.1)),
            FrameObject.box("pedestrian", new Box2D(300.5, 100, 321.25, 180.75))),
        jpegFrame("000002", 640, 360, FrameObject.box("cyclist", new Box2D(0, 0, 640, 360)),
            FrameObject.box("car", new Box2D(511.3, 200.7, 600.1, 290.2))),
        frame("000003", 100, 80));
    Path out = temp.resolve("out");
    YoloWriter writer = new YoloWriter(out, Taxonomy.SOURCE);
    for (Frame f : written) {
      writer.write(f);
    }
    writer.finish();

    ReadContext context = ReadContext.keepingSourceClasses();
    List<Frame> read = new ArrayList<>();
    new YoloReader().read(out, context, read::add);

    assertEquals(0, context.problems().errorCount() + context.problems().warningCount(),
        context.problems().problems().toString());
    assertEquals(written.size(), read.size());
    for (int i = 0; i < written.size(); i++) {
      Frame expected = written.get(i);
      Frame actual = read.get(i);
      assertEquals(expected.id(), actual.id());
      assertEquals(expected.image().width(), actual.image().width());
      assertEquals(expected.image().height(), actual.image().height());
      assertEquals(expected.objects().size(), actual.objects().size());
      for (int k = 0; k < expected.objects().size(); k++) {
        FrameObject e = expected.objects().get(k);
        FrameObject a = actual.objects().get(k);
        assertEquals(e.category(), a.category());
        assertEquals(e.box().x1(), a.box().x1(), 1.0);
        assertEquals(e.box().y1(), a.box().y1(), 1.0);
        assertEquals(e.box().x2(), a.box().x2(), 1.0);
        assertEquals(e.box().y2(), a.box().y2(), 1.0);
      }
    }
  }

  private Frame frame(String id, int width, int height, FrameObject... objects) {
    return frameWithImage(id, id + ".png", width, height, objects);
  }

  private Frame jpegFrame(String id, int width, int height, FrameObject... objects) {
    return frameWithImage(id, id + ".jpg", width, height, objects);
  }

  private Frame frameWithImage(String id, String imageName, int width, int height,
      FrameObject... objects) {
    Path image = TestImages.write(temp.resolve("source").resolve(imageName), width, height);
    return new Frame(id, new ImageRef(image.toAbsolutePath().toString(), width, height, null),
        null, List.of(objects), List.of(), null, Provenance.of("test", id));
  }

  private static List<String> classColumn(Path labelFile) throws IOException {
    return Files.readAllLines(labelFile).stream().map(l -> l.split(" ")[0]).toList();
  }
}
