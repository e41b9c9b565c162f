package io.admlops.activities.loop;

import static io.admlops.schemas.db.Tables.ANNOTATION_BATCH;
import static io.admlops.schemas.db.Tables.ITERATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.RepositoryFiles;
import io.admlops.activities.annotate.AnnotationStandard;
import io.admlops.activities.annotate.LabelErrors;
import io.admlops.activities.annotate.SimulatedLabelingVendor;
import io.admlops.activities.annotate.SimulatedVendorOrder;
import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.datasets.FrameSource;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.TestDatabase;
import io.admlops.activities.train.GeneratedFrames;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.json.Mappers;
import io.admlops.workflows.loop.AnnotationsReturned;
import io.admlops.workflows.loop.CampaignConfig;
import io.admlops.workflows.loop.IterationStart;
import io.admlops.workflows.loop.LabelingBatch;
import io.admlops.workflows.loop.LabelsRequest;
import io.admlops.workflows.loop.QaVerdict;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labeling round trip of one iteration through the real libraries: a job for mined
 * frames, the simulated vendor's Label Studio export, QA, and the accepted labels becoming
 * the dataset's next version.
 */
class LoopActivitiesImplTest {

  private static final String DEFINITION =
      RepositoryFiles.locate("configs/datasets/driving-2d.yaml").toString();

  private static final CampaignConfig.Labeling EXTERNAL =
      new CampaignConfig.Labeling(0, "external", null, null, -1, null, 0);
  private static final CampaignConfig.Labeling SIMULATED =
      new CampaignConfig.Labeling(0, "simulated", null, null, -1, "PT1S", 0);

  @TempDir Path dir;
  private Path store;
  private DatasetRegistry datasets;
  private DSLContext dsl;
  private LoopActivitiesImpl loop;
  private List<Frame> truth;
  private final List<SimulatedVendorOrder> ordered = new ArrayList<>();

  @BeforeEach
  void seededDatasetAndMinedFrames() throws Exception {
    RegistryDatabase database = TestDatabase.freshRegistry();
    dsl = database.dsl();
    store = dir.resolve("store");
    datasets = new DatasetRegistry(database, new DatasetStore(store));
    datasets.importVersion("drive", null, FrameSource.of(
        GeneratedFrames.write("fleet.yaml", 41, 10, dir.resolve("seed"))), null, null);
    truth = GeneratedFrames.write("night-and-fog.yaml", 42, 6, store.resolve("collected/n"));
    // What mining writes: the frames with the model's detections as scored objects.
    List<Frame> mined = truth.stream().map(f -> f.withObjects(f.objects().stream()
        .limit(1).map(o -> new FrameObject(null, o.category(), o.box(), null, null, null,
            null, false, false, null, 0.9, null)).toList())).toList();
    LoopManifests.write(store.resolve("mined/night/iteration-2/frames.jsonl"), mined);
    loop = new LoopActivitiesImpl(database.dsl(), datasets, store, ordered::add);
  }

  @Test
  void labelsThatPassQaBecomeTheNextDatasetVersion() throws Exception {
    LabelingBatch batch = loop.requestLabels(request(EXTERNAL, null));
    assertEquals(6, batch.frames());
    Path export = deliver(batch, LabelErrors.NONE);

    QaVerdict verdict = loop.checkLabels(batch,
        new AnnotationsReturned(batch.batchId(), export.toString(), "labelstudio"), DEFINITION);

    assertTrue(verdict.accepted(), verdict.reasons().toString());
    assertEquals(6, verdict.labeledFrames());
    int version = loop.importLabels("drive", 1, verdict.labeledManifest(), "iteration 2");
    assertEquals(2, version);
    assertEquals(16, datasets.version("drive", 2).frames());
    assertEquals(truth.stream().mapToInt(f -> f.objects().size()).sum()
        + datasets.version("drive", 1).objects(), datasets.version("drive", 2).objects());
    // A retried import finds the version it made.
    assertEquals(2, loop.importLabels("drive", 1, verdict.labeledManifest(), "retried"));
  }

  @Test
  void labelsWithManyErrorsGoBackWithQasReasons() throws Exception {
    LabelingBatch batch = loop.requestLabels(request(EXTERNAL, null));
    Path export = deliver(batch, new LabelErrors(1.0, 7));

    QaVerdict verdict = loop.checkLabels(batch,
        new AnnotationsReturned(batch.batchId(), export.toString(), "labelstudio"), DEFINITION);

    assertFalse(verdict.accepted());
    assertFalse(verdict.reasons().isEmpty());
  }

  @Test
  void theLabelingRoundTripIsJournaledFromRequestThroughReworkToAcceptance() throws Exception {
    new LoopJournalImpl(dsl).iterationStarted(new IterationStart("campaign-night",
        new CampaignConfig("night", "drive", null, "centernet.yaml", null, null, null, null,
            null, null, 0, 0).withDefaults(), 2, "campaign-night-iter-2", 0));
    LabelingBatch batch = loop.requestLabels(request(EXTERNAL, null));
    loop.requestLabels(request(EXTERNAL, null));
    assertEquals(1, dsl.fetchCount(ANNOTATION_BATCH));
    Record requested = batchRow(batch);
    assertEquals("requested", requested.get(ANNOTATION_BATCH.STATUS));
    assertEquals("external", requested.get(ANNOTATION_BATCH.VENDOR));
    assertEquals("outbox/" + batch.batchId(), requested.get(ANNOTATION_BATCH.EXPORT_URI));
    assertEquals(dsl.fetchValue(ITERATION.ID), requested.get(ANNOTATION_BATCH.ITERATION_ID));

    Path bad = deliver(batch, new LabelErrors(1.0, 7));
    QaVerdict rejected = loop.checkLabels(batch,
        new AnnotationsReturned(batch.batchId(), bad.toString(), "labelstudio"), DEFINITION);
    loop.requestRework(batch, rejected, 1);
    loop.requestRework(batch, rejected, 1);
    Record rework = batchRow(batch);
    assertEquals("rework", rework.get(ANNOTATION_BATCH.STATUS));
    assertEquals(1, rework.get(ANNOTATION_BATCH.REWORK_COUNT));
    assertEquals("REWORK", qaDecision(rework));

    Path fixed = deliver(batch, LabelErrors.NONE);
    loop.checkLabels(batch,
        new AnnotationsReturned(batch.batchId(), fixed.toString(), "labelstudio"), DEFINITION);
    Record accepted = batchRow(batch);
    assertEquals("accepted", accepted.get(ANNOTATION_BATCH.STATUS));
    assertEquals(fixed.toString(), accepted.get(ANNOTATION_BATCH.RETURN_URI));
    assertEquals("labelstudio", accepted.get(ANNOTATION_BATCH.RETURN_FORMAT));
    assertEquals("ACCEPT", qaDecision(accepted));
    assertEquals(1, accepted.get(ANNOTATION_BATCH.REWORK_COUNT));
    assertTrue(!accepted.get(ANNOTATION_BATCH.DECIDED_AT)
        .isBefore(accepted.get(ANNOTATION_BATCH.RETURNED_AT)));
  }

  @Test
  void theSimulatedVendorIsRefusedForFramesCollectedWithoutGroundTruth() {
    ApplicationFailure refused = assertThrows(ApplicationFailure.class,
        () -> loop.requestLabels(request(SIMULATED, null)));

    assertEquals(LoopActivitiesImpl.INVALID_REQUEST, refused.getType());
    assertTrue(refused.getOriginalMessage().startsWith("labeling.vendor simulated answers with "
        + "the collected frames' ground truth, but the frames of iteration 2 came without "
        + "labels"), refused.getOriginalMessage());
    assertFalse(Files.exists(store.resolve("outbox")));
    assertEquals(List.of(), ordered);
  }

  @Test
  void jobsOfAnExternalVendorAreNeverOrderedFromTheSimulatedOne() {
    LabelingBatch batch = loop.requestLabels(request(EXTERNAL, "ground-truth/n"));
    loop.remind(batch, 1);
    loop.requestRework(batch, new QaVerdict(false, List.of("boxes missing"), null, 0), 1);

    assertEquals(List.of(), ordered);
  }

  private static LabelsRequest request(CampaignConfig.Labeling labeling, String groundTruth) {
    return new LabelsRequest("night", 2, "mined/night/iteration-2/frames.jsonl", groundTruth,
        DEFINITION, labeling, "drive");
  }

  private Record batchRow(LabelingBatch batch) {
    return dsl.selectFrom(ANNOTATION_BATCH)
        .where(ANNOTATION_BATCH.BATCH_KEY.eq(batch.batchId())).fetchSingle();
  }

  private static String qaDecision(Record batch) throws IOException {
    return Mappers.json().readTree(batch.get(ANNOTATION_BATCH.QA_REPORT).data())
        .path("decision").asText();
  }

  private Path deliver(LabelingBatch batch, LabelErrors errors) throws Exception {
    Path out = dir.resolve("vendor").resolve(batch.batchId() + ".json");
    Files.createDirectories(out.getParent());
    new SimulatedLabelingVendor(truth.stream().collect(java.util.stream.Collectors.toMap(
        Frame::id, f -> f)), AnnotationStandard.load(Path.of(DEFINITION)))
        .labelStudioExport(Path.of(java.net.URI.create(batch.outboxUri())), errors, out);
    return out;
  }
}
