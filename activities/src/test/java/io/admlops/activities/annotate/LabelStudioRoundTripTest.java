package io.admlops.activities.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.activities.formats.DatasetFormat;
import io.admlops.activities.formats.DatasetWriter;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelStudioRoundTripTest {

  /** Percent and back again loses no more than floating-point rounding. */
  private static final double PERCENT_ROUNDING = 1e-9;

  @TempDir Path dir;

  @Test
  void groundTruthReturnedThroughLabelStudioIsAcceptedAsTheGroundTruth() throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 6, 11);
    VendorDelivery delivery = batch.vendor().labelStudioExport(batch.jobFolder(),
        LabelErrors.NONE, dir.resolve("export.json"));

    ReturnedLabels returned = ReturnFormat.named(delivery.format().cliName())
        .read(delivery.file().toString(), batch.jobFolder(), batch.standard());
    QaReport report = new AnnotationQa(QaPolicy.DEFAULTS).check(returned);

    assertEquals(6, delivery.labeledFrames());
    assertTrue(returned.problems().problems().isEmpty(), returned.problems().problems()
        .toString());
    assertEquals(QaReport.Decision.ACCEPT, report.decision(), report.summary());
    assertEquals(List.of(), report.reasons());
    for (Frame truth : batch.groundTruth()) {
      assertSameLabels(truth.objects(), returned.frames().get(truth.id()).objects(),
          PERCENT_ROUNDING);
    }
  }

  @Test
  void vendorReadsGroundTruthFromCollectedManifestsAndSkipsFramesItHasNoTruthFor()
      throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 4, 11);
    Path groundTruth = dir.resolve("ground-truth/gen-1");
    try (DatasetWriter manifest = DatasetFormat.FRAMES.openWriter(groundTruth, Taxonomy.SOURCE)) {
      for (Frame f : batch.groundTruth().subList(0, 3)) {
        manifest.write(f);
      }
      manifest.finish();
    }
    SimulatedLabelingVendor vendor = SimulatedLabelingVendor.fromGroundTruth(
        List.of(groundTruth), batch.standard());

    VendorDelivery delivery = vendor.labelStudioExport(batch.jobFolder(), LabelErrors.NONE,
        dir.resolve("export.json"));
    QaReport report = new AnnotationQa(QaPolicy.DEFAULTS).check(ReturnFormat.LABEL_STUDIO
        .read(delivery.file().toString(), batch.jobFolder(), batch.standard()));

    assertEquals(3, delivery.labeledFrames());
    assertEquals(List.of(batch.groundTruth().get(3).id()), report.missingFrames());
  }

  @Test
  void returnedLabelsKeepTheCallersCameraSceneAndProvenance() throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 3, 11);
    VendorDelivery delivery = batch.vendor().labelStudioExport(batch.jobFolder(),
        LabelErrors.NONE, dir.resolve("export.json"));
    List<Frame> unlabeled = batch.groundTruth().stream().map(f -> f.withObjects(List.of()))
        .toList();

    List<Frame> labeled = ReturnFormat.LABEL_STUDIO.read(delivery.file().toString(),
        batch.jobFolder(), batch.standard()).applyTo(unlabeled);

    assertEquals(3, labeled.size());
    for (int i = 0; i < 3; i++) {
      Frame truth = batch.groundTruth().get(i);
      assertEquals(truth.scene(), labeled.get(i).scene());
      assertEquals(truth.provenance(), labeled.get(i).provenance());
      assertEquals(truth.camera(), labeled.get(i).camera());
      assertEquals(truth.objects().size(), labeled.get(i).objects().size());
    }
  }

  @Test
  void tasksWithoutFrameIdFindTheirFrameByTheUploadedImageName() throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 3, 11);
    Path export = batch.vendor().labelStudioExport(batch.jobFolder(), LabelErrors.NONE,
        dir.resolve("export.json")).file();
    JsonNode tasks = Mappers.json().readTree(export.toFile());
    for (JsonNode task : tasks) {
      ObjectNode data = (ObjectNode) task.get("data");
      String image = data.get("image").asText();
      data.remove("frame_id");
      data.put("image", "/data/upload/3/0a1b2c3d-" + image.substring(image.indexOf('/') + 1));
    }
    Mappers.json().writeValue(export.toFile(), tasks);

    ReturnedLabels returned = ReturnFormat.LABEL_STUDIO.read(export.toString(),
        batch.jobFolder(), batch.standard());

    assertEquals(batch.groundTruth().stream().map(Frame::id).toList(), returned.labeledIds());
  }

  @Test
  void injectedLabelErrorsAboveTheThresholdSendTheBatchBackNamingTheFrames()
      throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 6, 11);
    VendorDelivery careless = batch.vendor().labelStudioExport(batch.jobFolder(),
        new LabelErrors(0.8, 5), dir.resolve("export.json"));

    QaReport report = new AnnotationQa(QaPolicy.DEFAULTS).check(ReturnFormat.LABEL_STUDIO
        .read(careless.file().toString(), batch.jobFolder(), batch.standard()));

    assertEquals(QaReport.Decision.REWORK, report.decision(), report.summary());
    Set<String> withErrors = careless.injected().stream().map(InjectedError::frameId)
        .collect(Collectors.toSet());
    assertFalse(report.flaggedFrames().isEmpty());
    String reason = report.reasons().stream().filter(r -> r.contains("disagree strongly"))
        .findFirst().orElseThrow(() -> new AssertionError(report.summary()));
    for (FrameAgreement flagged : report.flaggedFrames()) {
      assertTrue(withErrors.contains(flagged.frameId()), flagged.describe());
      assertTrue(reason.contains(flagged.frameId()), reason);
    }
    assertEquals(0, report.errors(), report.summary());
  }

  @Test
  void flaggedFramesWithinTheAllowedShareAreListedButAccepted() throws IOException {
    LabelingBatches.Batch batch = LabelingBatches.write(dir, "b-1", 6, 11);
    VendorDelivery careless = batch.vendor().labelStudioExport(batch.jobFolder(),
        new LabelErrors(0.8, 5), dir.resolve("export.json"));
    QaPolicy lenient = new QaPolicy(0.5, 0.5, 0.5, 0.5, 1.0);

    QaReport report = new AnnotationQa(lenient).check(ReturnFormat.LABEL_STUDIO
        .read(careless.file().toString(), batch.jobFolder(), batch.standard()));

    assertEquals(QaReport.Decision.ACCEPT, report.decision(), report.summary());
    assertFalse(report.flaggedFrames().isEmpty(), report.summary());
  }

  /** Same classes, boxes and visibility attributes, in the same order. */
  static void assertSameLabels(List<FrameObject> expected, List<FrameObject> actual,
      double tolerance) {
    assertEquals(expected.size(), actual.size(), "objects: " + actual);
    for (int i = 0; i < expected.size(); i++) {
      FrameObject e = expected.get(i);
      FrameObject a = actual.get(i);
      assertEquals(e.category(), a.category());
      assertEquals(e.box().x1(), a.box().x1(), tolerance);
      assertEquals(e.box().y1(), a.box().y1(), tolerance);
      assertEquals(e.box().x2(), a.box().x2(), tolerance);
      assertEquals(e.box().y2(), a.box().y2(), tolerance);
      assertEquals(e.occlusion(), a.occlusion());
      assertEquals(e.truncation() == null ? null : e.truncation() > 0 ? 1.0 : 0.0,
          a.truncation());
      assertEquals(Map.of(), a.attributes());
    }
  }
}
