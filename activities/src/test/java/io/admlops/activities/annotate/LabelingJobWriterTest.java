package io.admlops.activities.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.TestImages;
import io.admlops.activities.store.Sha256;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelingJobWriterTest {

  @TempDir Path dir;

  @Test
  void writesImagesJobRecordAndEveryToolsFileIntoTheBatchFolder() throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 4, 7);

    assertEquals(dir.resolve("outbox/b-1"), batch.jobFolder());
    assertEquals(List.of("annotations.cvat.xml", "images", "job.json", "labeling-config.xml",
        "spec.md", "tasks.labelstudio.json"), list(batch.jobFolder()));
    LabelingJob job = batch.job();
    assertEquals("b-1", job.batchId());
    assertEquals("driving-2d", job.dataset());
    assertEquals(batch.standard().classes(), job.classes());
    assertEquals(List.of("occlusion", "truncation"), job.attributes());
    assertEquals(Map.of("collected", "gen-test", "iteration", "1"), job.createdFrom());
    assertEquals(batch.groundTruth().stream().map(Frame::id).toList(),
        job.frames().stream().map(JobFrame::id).toList());
    for (JobFrame f : job.frames()) {
      Path image = LabelingJob.imagePath(batch.jobFolder(), f);
      assertEquals(Sha256.of(image), f.sha256());
      assertEquals(384, f.width());
      assertEquals(128, f.height());
    }
  }

  @Test
  void labelStudioTasksCarryTheFrameAndPreAnnotationsInPercentOfTheImage() throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 3, 7);
    JsonNode tasks = Mappers.json().readTree(
        batch.jobFolder().resolve(LabelingJob.LABEL_STUDIO_TASKS).toFile());
    JobFrame frame = batch.job().frames().get(0);
    FrameObject expected = frame.preAnnotations().get(0);

    JsonNode task = tasks.get(0);
    assertEquals("images/" + frame.image(), task.path("data").path("image").asText());
    assertEquals(frame.id(), task.path("data").path("frame_id").asText());
    JsonNode prediction = task.path("predictions").get(0);
    assertEquals("driving:1", prediction.path("model_version").asText());
    JsonNode box = prediction.path("result").get(0);
    assertEquals("rectanglelabels", box.path("type").asText());
    assertEquals("label", box.path("from_name").asText());
    assertEquals("image", box.path("to_name").asText());
    assertEquals(384, box.path("original_width").asInt());
    assertEquals(128, box.path("original_height").asInt());
    assertEquals(LabelingBatches.PRE_ANNOTATION_SCORE, box.path("score").asDouble());
    assertEquals(expected.category(), box.path("value").path("rectanglelabels").get(0).asText());
    assertEquals(100 * expected.box().x1() / 384, box.path("value").path("x").asDouble(), 1e-9);
    assertEquals(100 * expected.box().height() / 128, box.path("value").path("height")
        .asDouble(), 1e-9);
    String config = Files.readString(batch.jobFolder().resolve(LabelingJob.LABEL_STUDIO_CONFIG));
    assertTrue(config.contains("<Image name=\"image\" value=\"$image\""), config);
    assertTrue(config.contains("<RectangleLabels name=\"label\" toName=\"image\""), config);
    assertTrue(config.contains("<Label value=\"traffic_sign\" hint=\"The face of a traffic sign"),
        config);
    assertTrue(config.contains("<Choices name=\"occlusion\" toName=\"image\" perRegion=\"true\""),
        config);
  }

  @Test
  void cvatFileHasTheLabelsWithAttributesAndThePreAnnotationsAsAutomaticBoxes()
      throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 2, 7);
    String cvat = Files.readString(batch.jobFolder().resolve(LabelingJob.CVAT_ANNOTATIONS));
    JobFrame frame = batch.job().frames().get(0);
    Box2D b = frame.preAnnotations().get(0).box();

    assertTrue(cvat.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations>\n"
        + "  <version>1.1</version>\n"), cvat);
    assertTrue(cvat.contains("<name>pedestrian</name>"), cvat);
    assertTrue(cvat.contains("<values>fully visible\npartly occluded\nlargely occluded\n"
        + "unknown</values>"), cvat);
    assertTrue(cvat.contains("<image id=\"0\" name=\"" + frame.image()
        + "\" width=\"384\" height=\"128\">"), cvat);
    assertTrue(cvat.contains(String.format(Locale.ROOT,
        "source=\"auto\" occluded=\"0\" xtl=\"%.2f\" ytl=\"%.2f\" xbr=\"%.2f\" ybr=\"%.2f\"",
        b.x1(), b.y1(), b.x2(), b.y2())), cvat);
  }

  @Test
  void specDescribesClassesBoxRulesAndAttributesOfTheStandard() throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 2, 7);
    String spec = Files.readString(batch.jobFolder().resolve(LabelingJob.SPEC));

    assertTrue(spec.startsWith("# Annotation spec: driving-2d, batch b-1\n\n2 images"), spec);
    assertTrue(spec.contains("| `cyclist` | A person riding a bicycle, together with the "
        + "bicycle, in one box. |"), spec);
    assertTrue(spec.contains("- An occluded object is boxed in full"), spec);
    assertTrue(spec.contains("less than 2 pixels tall are not labeled"), spec);
    assertTrue(spec.contains("- **occlusion**: How much of the object other objects hide. "
        + "One of `fully visible`, `partly occluded`, `largely occluded`, `unknown`."), spec);
    assertTrue(spec.contains("the model `driving:1`"), spec);
  }

  @Test
  void writingTheSameBatchAgainLeavesTheSameBytes() throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 3, 7);
    Map<Path, byte[]> before = contents(batch.jobFolder());

    Path again = new LabelingJobWriter(dir.resolve("outbox")).write(
        LabelingBatches.request("b-1", batch.groundTruth(), batch.standard()));

    assertEquals(batch.jobFolder(), again);
    Map<Path, byte[]> after = contents(again);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((file, bytes) -> assertTrue(Arrays.equals(bytes, after.get(file)),
        file + " changed"));
    assertEquals(List.of("b-1"), list(dir.resolve("outbox")));
  }

  @Test
  void refusesOtherContentUnderAnExistingBatchId() throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 3, 7);
    LabelingJobRequest fewer = LabelingBatches.request("b-1",
        batch.groundTruth().subList(0, 2), batch.standard());

    UserInputException e = assertThrows(UserInputException.class,
        () -> new LabelingJobWriter(dir.resolve("outbox")).write(fewer));
    assertTrue(e.getMessage().contains("already holds labeling batch b-1 with other content"),
        e.getMessage());
    assertEquals(List.of("b-1"), list(dir.resolve("outbox")));
  }

  @Test
  void clipsPreAnnotationsToTheImageAndRefusesClassesOutsideTheTaxonomy() throws IOException {
    Path image = TestImages.write(dir.resolve("a.png"), 100, 50);
    Frame frame = new Frame("f1", new ImageRef(image.toString(), 100, 50, null), null, null,
        null, null, null);
    AnnotationStandard standard = LabelingBatches.drivingStandard();
    Map<String, List<FrameObject>> predictions = new HashMap<>();
    predictions.put("f1", List.of(scored("Car", new Box2D(-10, 5, 40, 60)),
        scored("car", new Box2D(200, 5, 240, 20))));
    Path job = new LabelingJobWriter(dir.resolve("outbox")).write(new LabelingJobRequest("b",
        List.of(frame), predictions, standard, null, null, null));

    assertEquals(List.of(scored("car", new Box2D(0, 5, 40, 50))),
        LabelingJob.read(job).frames().get(0).preAnnotations());
    predictions.put("f1", List.of(scored("dog", new Box2D(1, 1, 5, 5))));
    UserInputException e = assertThrows(UserInputException.class,
        () -> new LabelingJobWriter(dir.resolve("other")).write(new LabelingJobRequest("b",
            List.of(frame), predictions, standard, null, null, null)));
    assertTrue(e.getMessage().startsWith("frame f1: pre-annotation class 'dog' is not in"),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("other/b")));
  }

  @Test
  void refusesABatchIdThatIsNotAFolderName() {
    LabelingJobRequest request = new LabelingJobRequest("../b", List.of(), null,
        LabelingBatches.drivingStandard(), null, null, null);

    UserInputException e = assertThrows(UserInputException.class,
        () -> new LabelingJobWriter(dir).write(request));
    assertTrue(e.getMessage().startsWith("batch id '../b' must be"), e.getMessage());
  }

  private static FrameObject scored(String category, Box2D box) {
    return new FrameObject(null, category, box, null, null, null, null, false, false, null,
        0.8, Map.of());
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Map<Path, byte[]> contents(Path folder) throws IOException {
    Map<Path, byte[]> contents = new HashMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        contents.put(folder.relativize(p), Files.readAllBytes(p));
      }
    }
    return contents;
  }
}
