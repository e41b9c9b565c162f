package io.admlops.workers.dashboard;

import static io.admlops.schemas.db.Tables.ANNOTATION_BATCH;
import static io.admlops.schemas.db.Tables.CAMPAIGN;
import static io.admlops.schemas.db.Tables.ITERATION;
import static io.admlops.schemas.db.Tables.ITERATION_STAGE;
import static io.admlops.schemas.db.Tables.MODEL;
import static io.admlops.schemas.db.Tables.MODEL_VERSION;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.db.tables.records.CampaignRecord;
import io.admlops.schemas.db.tables.records.IterationRecord;
import io.admlops.schemas.db.tables.records.IterationStageRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * Reads the loop journal: the {@code campaign}, {@code iteration}, {@code iteration_stage}
 * and {@code annotation_batch} rows the loop writes as it runs, so a campaign's history is
 * there for weeks, whatever Temporal still keeps.
 */
final class LoopJournal {

  /** The loop's stages in the order an iteration runs them. */
  static final List<String> STAGES = List.of("collect", "analyze", "mine", "annotate",
      "convert", "train", "evaluate", "deploy");

  private static final Comparator<IterationStageRecord> LOOP_ORDER =
      Comparator.comparingInt(s -> STAGES.indexOf(s.getStage()));

  private final DSLContext dsl;
  private final Clock clock;

  /** @param clock tells how long running stages have taken so far */
  LoopJournal(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  /** Every campaign, the most recently changed first. */
  List<CampaignOverview> campaigns() {
    return names().stream().map(this::campaign).flatMap(Optional::stream)
        .map(CampaignOverview::of).toList();
  }

  /** The names of every campaign, the most recently changed first. */
  List<String> names() {
    return dsl.select(CAMPAIGN.NAME).from(CAMPAIGN)
        .orderBy(CAMPAIGN.UPDATED_AT.desc(), CAMPAIGN.NAME).fetch(CAMPAIGN.NAME);
  }

  /** A campaign with its iterations and their stages, when one has the name. */
  Optional<CampaignHistory> campaign(String name) {
    CampaignRecord campaign = dsl.selectFrom(CAMPAIGN).where(CAMPAIGN.NAME.eq(name)).fetchOne();
    if (campaign == null) {
      return Optional.empty();
    }
    List<IterationRecord> iterations = dsl.selectFrom(ITERATION)
        .where(ITERATION.CAMPAIGN_ID.eq(campaign.getId())).orderBy(ITERATION.NUMBER).fetch();
    Map<Long, Result<IterationStageRecord>> stages = dsl.selectFrom(ITERATION_STAGE)
        .where(ITERATION_STAGE.ITERATION_ID.in(
            iterations.stream().map(IterationRecord::getId).toList()))
        .fetchGroups(ITERATION_STAGE.ITERATION_ID);
    List<IterationHistory> histories = new ArrayList<>();
    for (IterationRecord iteration : iterations) {
      List<StageRun> runs = Optional.ofNullable(stages.get(iteration.getId())).stream()
          .flatMap(List::stream).sorted(LOOP_ORDER).map(this::stageRun).toList();
      histories.add(new IterationHistory(iteration.getNumber(), iteration.getWorkflowId(),
          iteration.getStage(), iteration.getStatus(), instant(iteration.getStartedAt()),
          instant(iteration.getFinishedAt()), JsonColumns.tree(iteration.getSummary()), runs,
          null));
    }
    JsonNode config = JsonColumns.tree(campaign.getConfig());
    return Optional.of(new CampaignHistory(campaign.getName(), campaign.getWorkflowId(),
        campaign.getStatus(), config.path("dataset").textValue(), config,
        instant(campaign.getCreatedAt()), instant(campaign.getUpdatedAt()),
        withTrainingRuns(histories)));
  }

  /** The labeling batches a campaign's iterations sent, in the order they were sent. */
  List<AnnotationBatchRow> batches(CampaignHistory campaign) {
    return dsl.select(ANNOTATION_BATCH.asterisk(), ITERATION.NUMBER)
        .from(ANNOTATION_BATCH)
        .join(ITERATION).on(ITERATION.ID.eq(ANNOTATION_BATCH.ITERATION_ID))
        .join(CAMPAIGN).on(CAMPAIGN.ID.eq(ITERATION.CAMPAIGN_ID))
        .where(CAMPAIGN.NAME.eq(campaign.name()))
        .orderBy(ANNOTATION_BATCH.REQUESTED_AT, ANNOTATION_BATCH.ID)
        .fetch(r -> batch(r, campaign));
  }

  private AnnotationBatchRow batch(Record r, CampaignHistory campaign) {
    int iteration = r.get(ITERATION.NUMBER);
    Integer frames = campaign.iteration(iteration).flatMap(i -> i.detail("annotate"))
        .map(d -> d.path("frames")).filter(JsonNode::isInt).map(JsonNode::intValue).orElse(null);
    return new AnnotationBatchRow(r.get(ANNOTATION_BATCH.BATCH_KEY), iteration, frames,
        r.get(ANNOTATION_BATCH.VENDOR), r.get(ANNOTATION_BATCH.STATUS),
        r.get(ANNOTATION_BATCH.EXPORT_URI), r.get(ANNOTATION_BATCH.RETURN_URI),
        r.get(ANNOTATION_BATCH.RETURN_FORMAT), r.get(ANNOTATION_BATCH.REWORK_COUNT),
        JsonColumns.tree(r.get(ANNOTATION_BATCH.QA_REPORT)),
        instant(r.get(ANNOTATION_BATCH.REQUESTED_AT)),
        instant(r.get(ANNOTATION_BATCH.RETURNED_AT)), instant(r.get(ANNOTATION_BATCH.DECIDED_AT)));
  }

  private StageRun stageRun(IterationStageRecord stage) {
    Instant started = instant(stage.getStartedAt());
    Instant finished = instant(stage.getFinishedAt());
    Double seconds = null;
    if (!stage.getStatus().equals("skipped")) {
      seconds = Duration.between(started, finished != null ? finished : clock.instant())
          .toMillis() / 1000.0;
    }
    return new StageRun(stage.getStage(), stage.getStatus(), stage.getAttempts(), started,
        finished, seconds, JsonColumns.tree(stage.getDetail()));
  }

  /**
   * The iterations with the training run of each candidate: the run the candidate's model
   * version was registered from.
   */
  private List<IterationHistory> withTrainingRuns(List<IterationHistory> iterations) {
    Map<String, Condition> candidates = new HashMap<>();
    for (IterationHistory iteration : iterations) {
      iteration.candidate().flatMap(VersionLabel::parse).ifPresent(v -> candidates.put(
          v.toString(), MODEL.NAME.eq(v.name()).and(MODEL_VERSION.VERSION.eq(v.version()))));
    }
    if (candidates.isEmpty()) {
      return iterations;
    }
    Map<String, Long> runs = new HashMap<>();
    dsl.select(MODEL.NAME, MODEL_VERSION.VERSION, MODEL_VERSION.TRAINING_RUN_ID)
        .from(MODEL_VERSION).join(MODEL).on(MODEL.ID.eq(MODEL_VERSION.MODEL_ID))
        .where(DSL.or(candidates.values()))
        .forEach(r -> runs.put(r.value1() + ":" + r.value2(), r.value3()));
    return iterations.stream()
        .map(i -> i.withTrainingRun(i.candidate().map(runs::get).orElse(null))).toList();
  }

  static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
