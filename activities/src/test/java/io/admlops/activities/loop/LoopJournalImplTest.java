package io.admlops.activities.loop;

import static io.admlops.schemas.db.Tables.ANNOTATION_BATCH;
import static io.admlops.schemas.db.Tables.CAMPAIGN;
import static io.admlops.schemas.db.Tables.ITERATION;
import static io.admlops.schemas.db.Tables.ITERATION_STAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.store.TestDatabase;
import io.admlops.activities.train.SampleRuns;
import io.admlops.schemas.json.Mappers;
import io.admlops.workflows.loop.BatchAbandoned;
import io.admlops.workflows.loop.CampaignConfig;
import io.admlops.workflows.loop.CampaignEntry;
import io.admlops.workflows.loop.IterationEnd;
import io.admlops.workflows.loop.IterationStart;
import io.admlops.workflows.loop.IterationSummary;
import io.admlops.workflows.loop.LabelsRequest;
import io.admlops.workflows.loop.StageEntry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loop journal against a real PostgreSQL: the rows a dashboard reads for a campaign, its
 * iterations and their stages, written by entries that may arrive twice or late.
 */
class LoopJournalImplTest {

  private static final String CAMPAIGN_ID = "campaign-night";
  private static final String ITERATION_ID = "campaign-night-iter-2";
  private static final long T0 = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();
  private static final CampaignConfig CONFIG = new CampaignConfig("night", "drive", null,
      "configs/models/centernet-tiny.yaml", null, null, null, null, null, null, 0, 0)
      .withDefaults();

  private DSLContext dsl;
  private LoopJournalImpl journal;

  @BeforeEach
  void emptyRegistry() {
    dsl = TestDatabase.freshRegistry().dsl();
    journal = new LoopJournalImpl(dsl);
  }

  @Test
  void eachStageKeepsTheWorkflowsTimesSoItsDurationIsWhatTheLoopSpentInIt() throws Exception {
    journal.iterationStarted(start(T0));
    stage("collect", "running", 0, null);
    stage("collect", "completed", 5, Map.of("frames", 400, "manifest",
        "collected/gen-102/frames.jsonl"));
    stage("analyze", "running", 5, null);
    stage("annotate", "running", 9, null);
    stage("annotate", "waiting", 10, Map.of("batch", "lb-1", "frames", 40, "rework", 0));

    assertEquals(Duration.ofMinutes(5), duration("collect"));
    JsonNode collected = detailOf("collect");
    assertEquals(400, collected.path("frames").asInt());
    assertEquals("collected/gen-102/frames.jsonl", collected.path("manifest").asText());
    assertEquals("waiting", statusOf("annotate"));
    assertNull(row("annotate").get(ITERATION_STAGE.FINISHED_AT));
    Record iteration = iterationRow();
    assertEquals("annotate", iteration.get(ITERATION.STAGE));
    assertEquals("waiting", iteration.get(ITERATION.STATUS));
    assertEquals(at(0), iteration.get(ITERATION.STARTED_AT).toInstant());
  }

  @Test
  void everyEntryWrittenTwiceLeavesTheRowsAsOneWriteDid() throws Exception {
    for (int attempt = 0; attempt < 2; attempt++) {
      journal.campaign(new CampaignEntry(CAMPAIGN_ID, CONFIG, "running", T0));
      journal.iterationStarted(start(T0));
      stage("collect", "running", 0, null);
      stage("collect", "completed", 5, Map.of("frames", 400));
      journal.iterationEnded(new IterationEnd(ITERATION_ID, "completed", minutes(6),
          summary()));
    }
    // A retry of the stage's start that lands after it ended does not reopen it.
    stage("collect", "running", 0, null);

    assertEquals(1, dsl.fetchCount(CAMPAIGN));
    assertEquals(1, dsl.fetchCount(ITERATION));
    assertEquals(8, dsl.fetchCount(ITERATION_STAGE));
    assertEquals("completed", statusOf("collect"));
    assertEquals(Duration.ofMinutes(5), duration("collect"));
    assertEquals(400, detailOf("collect").path("frames").asInt());
  }

  @Test
  void anIterationThatEndsEarlyRecordsTheStagesItNeverReachedAsSkipped() {
    journal.iterationStarted(start(T0));
    stage("collect", "running", 0, null);
    stage("collect", "completed", 5, Map.of("frames", 0));
    stage("analyze", "running", 5, null);
    stage("analyze", "completed", 8, Map.of("report", "reports/drive/v1"));
    journal.iterationEnded(new IterationEnd(ITERATION_ID, "completed", minutes(8),
        summary()));

    assertEquals(List.of("completed", "completed", "skipped", "skipped", "skipped", "skipped",
        "skipped", "skipped"), LoopJournalImpl.STAGES.stream().map(this::statusOf).toList());
    assertEquals(Duration.ZERO, duration("deploy"));
    Record iteration = iterationRow();
    assertEquals("done", iteration.get(ITERATION.STAGE));
    assertEquals("completed", iteration.get(ITERATION.STATUS));
    assertEquals(at(8), iteration.get(ITERATION.FINISHED_AT).toInstant());
  }

  @Test
  void theSummaryIsStoredAsJsonUnderTheRecordsFieldNames() throws Exception {
    journal.iterationStarted(start(T0));
    journal.iterationEnded(new IterationEnd(ITERATION_ID, "completed", minutes(90),
        summary()));

    JsonNode summary = Mappers.json().readTree(iterationRow().get(ITERATION.SUMMARY).data());
    assertEquals(2, summary.path("iteration").asInt());
    assertEquals(400, summary.path("collected").asInt());
    assertEquals(40, summary.path("mined").asInt());
    assertEquals(38, summary.path("labeled").asInt());
    assertEquals("drive:2", summary.path("datasetVersion").asText());
    assertEquals("centernet-tiny:2", summary.path("candidate").asText());
    assertEquals(0.41, summary.path("map").asDouble());
    assertEquals(0.01, summary.path("sliceMaps").path("timeofday=night").asDouble());
    assertEquals("centernet-tiny:2", summary.path("production").asText());
    assertEquals(true, summary.path("promoted").asBoolean());
    assertEquals("promoted centernet-tiny:2 to production", summary.path("outcome").asText());
    assertEquals("timeofday=night improved", summary.path("reasons").get(0).asText());
  }

  @Test
  void aFailedStageFailsItsIterationWhichKeepsThatStageAndNoSummary() throws Exception {
    journal.iterationStarted(start(T0));
    stage("train", "running", 0, null);
    stage("train", "failed", 30, Map.of("error", "drive:2 has no training split"));
    journal.iterationEnded(new IterationEnd(ITERATION_ID, "failed", minutes(30), null));

    assertEquals("failed", statusOf("train"));
    assertEquals("drive:2 has no training split", detailOf("train").path("error").asText());
    assertEquals("skipped", statusOf("evaluate"));
    Record iteration = iterationRow();
    assertEquals("failed", iteration.get(ITERATION.STATUS));
    assertEquals("train", iteration.get(ITERATION.STAGE));
    assertNull(iteration.get(ITERATION.SUMMARY));
  }

  @Test
  void aStageCancelledWithItsCampaignEndsCancelledWithItsIteration() throws Exception {
    journal.iterationStarted(start(T0));
    stage("annotate", "waiting", 0, Map.of("batch", "lb-1"));
    stage("annotate", "cancelled", 90, null);
    journal.iterationEnded(new IterationEnd(ITERATION_ID, "cancelled", minutes(90), null));

    assertEquals("cancelled", statusOf("annotate"));
    assertEquals("lb-1", detailOf("annotate").path("batch").asText(), "the wait's detail kept");
    assertEquals("skipped", statusOf("convert"));
    Record iteration = iterationRow();
    assertEquals("cancelled", iteration.get(ITERATION.STATUS));
    assertEquals("annotate", iteration.get(ITERATION.STAGE));
    assertNotNull(iteration.get(ITERATION.FINISHED_AT));
  }

  @Test
  void theCampaignRowFollowsItsStatusAndALateOlderEntryDoesNotRollItBack() throws Exception {
    journal.campaign(new CampaignEntry(CAMPAIGN_ID, CONFIG, "running", T0));
    journal.campaign(new CampaignEntry(CAMPAIGN_ID, CONFIG, "paused", minutes(60)));
    journal.campaign(new CampaignEntry(CAMPAIGN_ID, CONFIG, "running", T0));

    Record campaign = dsl.selectFrom(CAMPAIGN).fetchSingle();
    assertEquals("night", campaign.get(CAMPAIGN.NAME));
    assertEquals(CAMPAIGN_ID, campaign.get(CAMPAIGN.WORKFLOW_ID));
    assertEquals("paused", campaign.get(CAMPAIGN.STATUS));
    assertEquals(at(60), campaign.get(CAMPAIGN.UPDATED_AT).toInstant());
    assertEquals(at(0), campaign.get(CAMPAIGN.CREATED_AT).toInstant());
    assertEquals("P7D", Mappers.json().readTree(campaign.get(CAMPAIGN.CONFIG).data())
        .path("cadence").asText());
  }

  @Test
  void anIterationOfACampaignWithoutARowGivesTheCampaignItsRow() {
    journal.iterationStarted(start(T0));

    Record campaign = dsl.selectFrom(CAMPAIGN).fetchSingle();
    assertEquals("night", campaign.get(CAMPAIGN.NAME));
    assertEquals("running", campaign.get(CAMPAIGN.STATUS));
    assertEquals(campaign.get(CAMPAIGN.ID), iterationRow().get(ITERATION.CAMPAIGN_ID));
  }

  @Test
  void aCampaignStartedAgainUnderItsNameStartsItsIterationsTimelineOver() {
    journal.iterationStarted(start(T0));
    stage("collect", "running", 0, null);
    stage("collect", "completed", 5, null);
    journal.iterationEnded(new IterationEnd(ITERATION_ID, "completed", minutes(5), summary()));

    journal.iterationStarted(start(minutes(600)));

    assertEquals(0, dsl.fetchCount(ITERATION_STAGE));
    Record iteration = iterationRow();
    assertEquals("running", iteration.get(ITERATION.STATUS));
    assertEquals(at(600), iteration.get(ITERATION.STARTED_AT).toInstant());
    assertNull(iteration.get(ITERATION.FINISHED_AT));
    assertNull(iteration.get(ITERATION.SUMMARY));
  }

  @Test
  void aBatchTheIterationGaveUpOnIsAbandonedAtTheWorkflowsTime() {
    SampleRuns.datasetVersion(dsl, "drive", 1);
    journal.iterationStarted(start(T0));
    new AnnotationBatches(dsl).requested("lb-1", new LabelsRequest("night", 2,
        "mined/night/iteration-2/frames.jsonl", null, "driving-2d.yaml",
        CONFIG.labeling(), "drive"));

    journal.batchAbandoned(new BatchAbandoned("lb-1", minutes(14 * 24 * 60)));

    Record batch = dsl.selectFrom(ANNOTATION_BATCH).fetchSingle();
    assertEquals("abandoned", batch.get(ANNOTATION_BATCH.STATUS));
    assertEquals(at(14 * 24 * 60), batch.get(ANNOTATION_BATCH.DECIDED_AT).toInstant());
    assertEquals(iterationRow().get(ITERATION.ID), batch.get(ANNOTATION_BATCH.ITERATION_ID));
    assertEquals("outbox/lb-1", batch.get(ANNOTATION_BATCH.EXPORT_URI));
  }

  private static IterationStart start(long at) {
    return new IterationStart(CAMPAIGN_ID, CONFIG, 2, ITERATION_ID, at);
  }

  private void stage(String stage, String status, int minute, Map<String, Object> detail) {
    journal.stage(new StageEntry(ITERATION_ID, stage, status, minutes(minute), detail));
  }

  private static IterationSummary summary() {
    return new IterationSummary(2, 400, 40, 38, "drive:2", "centernet-tiny:2", 0.41,
        Map.of("timeofday=night", 0.01), "centernet-tiny:2", true,
        "promoted centernet-tiny:2 to production", List.of("timeofday=night improved"));
  }

  private Record iterationRow() {
    return dsl.selectFrom(ITERATION).where(ITERATION.WORKFLOW_ID.eq(ITERATION_ID))
        .fetchSingle();
  }

  private Record row(String stage) {
    return dsl.selectFrom(ITERATION_STAGE).where(ITERATION_STAGE.STAGE.eq(stage))
        .fetchSingle();
  }

  private String statusOf(String stage) {
    return row(stage).get(ITERATION_STAGE.STATUS);
  }

  private JsonNode detailOf(String stage) throws IOException {
    return Mappers.json().readTree(row(stage).get(ITERATION_STAGE.DETAIL).data());
  }

  private Duration duration(String stage) {
    Record r = row(stage);
    OffsetDateTime started = r.get(ITERATION_STAGE.STARTED_AT);
    return Duration.between(started, r.get(ITERATION_STAGE.FINISHED_AT));
  }

  private static long minutes(int minute) {
    return T0 + Duration.ofMinutes(minute).toMillis();
  }

  private static Instant at(int minute) {
    return Instant.ofEpochMilli(minutes(minute));
  }
}
