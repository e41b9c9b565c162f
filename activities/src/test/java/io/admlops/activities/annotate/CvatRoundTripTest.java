package io.admlops.activities.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CvatRoundTripTest {

  /** CVAT writes coordinates with two decimals. */
  private static final double TWO_DECIMALS = 0.005;

  @TempDir Path dir;

  @Test
  void theJobsCvatFileReadsBackAsItsPreAnnotations() throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 4, 3);

    ReturnedLabels returned = ReturnFormat.CVAT.read(
        batch.jobFolder().resolve(LabelingJob.CVAT_ANNOTATIONS).toString(), batch.jobFolder(),
        batch.standard());

    assertTrue(returned.problems().problems().isEmpty(), returned.problems().problems()
        .toString());
    for (JobFrame frame : batch.job().frames()) {
      var labels = returned.frames().get(frame.id()).objects();
      assertEquals(frame.preAnnotations().size(), labels.size());
      for (int i = 0; i < labels.size(); i++) {
        FrameObject sent = frame.preAnnotations().get(i);
        assertEquals(sent.category(), labels.get(i).category());
        assertEquals(sent.box().x1(), labels.get(i).box().x1(), TWO_DECIMALS);
        assertEquals(sent.box().y2(), labels.get(i).box().y2(), TWO_DECIMALS);
      }
    }
    assertEquals(QaReport.Decision.ACCEPT,
        new AnnotationQa(QaPolicy.DEFAULTS).check(returned).decision());
  }

  @Test
  void labelsReturnedAsCvatWithAttributesReadBackAsTheGroundTruth() throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 4, 3);
    Map<String, Frame> truth = batch.groundTruthById();
    Path returnedFile = dir.resolve("returned/annotations.xml");
    Files.createDirectories(returnedFile.getParent());
    CvatAnnotationsWriter.write(batch.job(), batch.standard(),
        f -> truth.get(f.id()).objects(), CvatAnnotationsWriter.MANUAL, returnedFile);

    ReturnedLabels returned = ReturnFormat.CVAT.read(returnedFile.getParent().toString(),
        batch.jobFolder(), batch.standard());

    assertTrue(Files.readString(returnedFile).contains("<attribute name=\"occlusion\">"));
    assertTrue(returned.problems().problems().isEmpty(), returned.problems().problems()
        .toString());
    for (Frame f : batch.groundTruth()) {
      LabelStudioRoundTripTest.assertSameLabels(f.objects(),
          returned.frames().get(f.id()).objects(), TWO_DECIMALS);
    }
  }
}
