package io.admlops.activities.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.formats.DatasetFormat;
import io.admlops.activities.formats.DatasetWriter;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFormatReturnTest {

  /** KITTI's label files have two decimals. */
  private static final double TWO_DECIMALS = 0.005;

  @TempDir Path dir;

  @Test
  void cocoLabelsReturnedWithoutImagesFindTheirFramesByFileName() throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 4, 21);
    Path coco = labelsOnly(batch, DatasetFormat.COCO, "images");

    ReturnedLabels returned = ReturnFormat.COCO.read(coco.resolve("annotations.json")
        .toString(), batch.jobFolder(), batch.standard());

    assertTrue(returned.problems().problems().isEmpty(), returned.problems().problems()
        .toString());
    assertEquals(batch.job().frames().stream().map(JobFrame::id).toList(),
        returned.labeledIds());
    for (Frame truth : batch.groundTruth()) {
      List<FrameObject> labels = returned.frames().get(truth.id()).objects();
      assertEquals(truth.objects().size(), labels.size());
      for (int i = 0; i < labels.size(); i++) {
        assertEquals(truth.objects().get(i).category(), labels.get(i).category());
        assertEquals(truth.objects().get(i).box().x2(), labels.get(i).box().x2(), 1e-9);
      }
    }
    assertEquals(QaReport.Decision.ACCEPT,
        new AnnotationQa(QaPolicy.DEFAULTS).check(returned).decision());
    assertEquals(List.of("b-1"), list(dir.resolve("outbox")));
  }

  @Test
  void kittiLabelsReturnedWithoutImagesKeepTruncationAndOcclusion() throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 4, 21);
    Path kitti = labelsOnly(batch, DatasetFormat.KITTI, "image_2");

    ReturnedLabels returned = ReturnFormat.KITTI.read(kitti.toString(), batch.jobFolder(),
        batch.standard());

    assertTrue(returned.problems().problems().isEmpty(), returned.problems().problems()
        .toString());
    for (Frame truth : batch.groundTruth()) {
      List<FrameObject> labels = returned.frames().get(truth.id()).objects();
      assertEquals(truth.objects().size(), labels.size());
      for (int i = 0; i < labels.size(); i++) {
        FrameObject expected = truth.objects().get(i);
        assertEquals(expected.category(), labels.get(i).category());
        assertEquals(expected.box().y1(), labels.get(i).box().y1(), TWO_DECIMALS);
        assertEquals(expected.occlusion(), labels.get(i).occlusion());
        assertEquals(expected.truncation(), labels.get(i).truncation(), TWO_DECIMALS);
      }
    }
    assertEquals(List.of("b-1"), list(dir.resolve("outbox")));
  }

  @Test
  void kittiLabelsForAnotherImageAreNamedAsUnexpectedAndDoNotDecide() throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 3, 21);
    Path kitti = labelsOnly(batch, DatasetFormat.KITTI, "image_2");
    Path stranger = kitti.resolve("label_2/other-drive_000001.txt");
    Files.writeString(stranger,
        "Car 0.00 0 -10 10.00 20.00 50.00 60.00 -1 -1 -1 -1000 -1000 -1000 -10\n");

    ReturnedLabels returned = ReturnFormat.KITTI.read(kitti.toString(), batch.jobFolder(),
        batch.standard());
    QaReport report = new AnnotationQa(QaPolicy.DEFAULTS).check(returned);

    assertEquals(List.of(new UnexpectedFrame("other-drive_000001.txt", stranger + ":1")),
        report.unexpectedFrames());
    assertEquals(QaReport.Decision.ACCEPT, report.decision(), report.summary());
  }

  /** The ground truth written in a format, then its image folder removed, as vendors send. */
  static Path labelsOnly(LabelingBatches.Batch batch, DatasetFormat format, String images)
      throws IOException {
    Path folder = batch.jobFolder().getParent().getParent().resolve("returned-"
        + format.cliName());
    try (DatasetWriter writer = format.openWriter(folder, Taxonomy.of(
        batch.standard().definition()))) {
      for (Frame f : batch.groundTruth()) {
        writer.write(f);
      }
      writer.finish();
    }
    try (Stream<Path> walk = Files.walk(folder.resolve(images))) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    return folder;
  }

  static List<String> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
