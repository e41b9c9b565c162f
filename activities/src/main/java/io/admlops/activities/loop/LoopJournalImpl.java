package io.admlops.activities.loop;

import static io.admlops.schemas.db.Tables.CAMPAIGN;
import static io.admlops.schemas.db.Tables.ITERATION;
import static io.admlops.schemas.db.Tables.ITERATION_STAGE;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.admlops.schemas.json.Mappers;
import io.admlops.workflows.loop.BatchAbandoned;
import io.admlops.workflows.loop.CampaignConfig;
import io.admlops.workflows.loop.CampaignEntry;
import io.admlops.workflows.loop.IterationEnd;
import io.admlops.workflows.loop.IterationStart;
import io.admlops.workflows.loop.LoopJournal;
import io.admlops.workflows.loop.StageEntry;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop journal in PostgreSQL through jOOQ. Times come from the workflows' entries, not
 * from this worker's clock, so a retried write stores the same row; a write that arrives
 * after a newer one (a late retry) leaves the newer one standing.
 */
public class LoopJournalImpl implements LoopJournal {

  /** Every stage of an iteration, in order; those an ended iteration never entered are skipped. */
  static final List<String> STAGES = List.of("collect", "analyze", "mine", "annotate",
      "convert", "train", "evaluate", "deploy");

  /** Statuses that end a stage; only another of them may replace one. */
  private static final Set<String> FINAL = Set.of("completed", "failed", "skipped", "cancelled");

  private static final Logger LOG = LoggerFactory.getLogger(LoopJournalImpl.class);

  private final DSLContext dsl;
  private final AnnotationBatches batches;

  public LoopJournalImpl(DSLContext dsl) {
    this.dsl = dsl;
    this.batches = new AnnotationBatches(dsl);
  }

  @Override
  public void campaign(CampaignEntry entry) {
    OffsetDateTime at = time(entry.at());
    JSONB config = json(entry.config());
    dsl.insertInto(CAMPAIGN)
        .set(CAMPAIGN.NAME, entry.config().name())
        .set(CAMPAIGN.WORKFLOW_ID, entry.workflowId())
        .set(CAMPAIGN.CONFIG, config)
        .set(CAMPAIGN.STATUS, entry.status())
        .set(CAMPAIGN.CREATED_AT, at)
        .set(CAMPAIGN.UPDATED_AT, at)
        .onConflict(CAMPAIGN.NAME).doUpdate()
        .set(CAMPAIGN.CONFIG, config)
        .set(CAMPAIGN.STATUS, entry.status())
        .set(CAMPAIGN.UPDATED_AT, at)
        .where(CAMPAIGN.UPDATED_AT.le(at))
        .execute();
  }

  @Override
  public void iterationStarted(IterationStart start) {
    OffsetDateTime at = time(start.at());
    dsl.transaction(configuration -> {
      DSLContext tx = DSL.using(configuration);
      CampaignConfig config = start.config();
      tx.insertInto(CAMPAIGN)
          .set(CAMPAIGN.NAME, config.name())
          .set(CAMPAIGN.WORKFLOW_ID, start.campaignWorkflowId())
          .set(CAMPAIGN.CONFIG, json(config))
          .set(CAMPAIGN.CREATED_AT, at)
          .set(CAMPAIGN.UPDATED_AT, at)
          .onConflict(CAMPAIGN.NAME).doNothing()
          .execute();
      long campaign = tx.select(CAMPAIGN.ID).from(CAMPAIGN)
          .where(CAMPAIGN.NAME.eq(config.name())).fetchSingle(CAMPAIGN.ID);
      Record2<Long, OffsetDateTime> earlier = tx.select(ITERATION.ID, ITERATION.STARTED_AT)
          .from(ITERATION)
          .where(ITERATION.CAMPAIGN_ID.eq(campaign), ITERATION.NUMBER.eq(start.iteration()))
          .forUpdate().fetchOne();
      if (earlier == null) {
        tx.insertInto(ITERATION)
            .set(ITERATION.CAMPAIGN_ID, campaign)
            .set(ITERATION.NUMBER, start.iteration())
            .set(ITERATION.WORKFLOW_ID, start.workflowId())
            .set(ITERATION.STARTED_AT, at)
            .execute();
        return;
      }
      if (earlier.value2().toInstant().equals(at.toInstant())) {
        return;
      }
      // A campaign started again under the same name numbers its iterations from 1 again:
      // the new run's iteration replaces the old one's row and timeline.
      LOG.info("iteration {} of campaign {} started again; its earlier timeline is replaced",
          start.iteration(), config.name());
      tx.deleteFrom(ITERATION_STAGE).where(ITERATION_STAGE.ITERATION_ID.eq(earlier.value1()))
          .execute();
      tx.update(ITERATION)
          .set(ITERATION.WORKFLOW_ID, start.workflowId())
          .set(ITERATION.STAGE, "collect")
          .set(ITERATION.STATUS, "running")
          .set(ITERATION.STARTED_AT, at)
          .setNull(ITERATION.FINISHED_AT)
          .setNull(ITERATION.SUMMARY)
          .where(ITERATION.ID.eq(earlier.value1()))
          .execute();
    });
  }

  @Override
  public void stage(StageEntry entry) {
    Long iteration = iterationId(entry.iterationWorkflowId());
    if (iteration == null) {
      return;
    }
    OffsetDateTime at = time(entry.at());
    boolean ends = FINAL.contains(entry.status());
    JSONB detail = entry.detail() == null ? null : json(entry.detail());
    dsl.transaction(configuration -> {
      DSLContext tx = DSL.using(configuration);
      int written = tx.insertInto(ITERATION_STAGE)
          .set(ITERATION_STAGE.ITERATION_ID, iteration)
          .set(ITERATION_STAGE.STAGE, entry.stage())
          .set(ITERATION_STAGE.STATUS, entry.status())
          .set(ITERATION_STAGE.STARTED_AT, at)
          .set(ITERATION_STAGE.FINISHED_AT, ends ? at : null)
          .set(ITERATION_STAGE.DETAIL, detail)
          .onConflict(ITERATION_STAGE.ITERATION_ID, ITERATION_STAGE.STAGE).doUpdate()
          .set(ITERATION_STAGE.STATUS, entry.status())
          .set(ITERATION_STAGE.FINISHED_AT, ends ? at : null)
          .set(ITERATION_STAGE.DETAIL,
              DSL.coalesce(DSL.excluded(ITERATION_STAGE.DETAIL), ITERATION_STAGE.DETAIL))
          .where(ITERATION_STAGE.FINISHED_AT.isNull().or(DSL.condition(ends)))
          .execute();
      if (written > 0 && !ends) {
        tx.update(ITERATION)
            .set(ITERATION.STAGE, entry.stage())
            .set(ITERATION.STATUS, entry.status())
            .where(ITERATION.ID.eq(iteration), ITERATION.FINISHED_AT.isNull())
            .execute();
      }
    });
  }

  @Override
  public void iterationEnded(IterationEnd end) {
    Long iteration = iterationId(end.iterationWorkflowId());
    if (iteration == null) {
      return;
    }
    OffsetDateTime at = time(end.at());
    boolean completed = "completed".equals(end.status());
    dsl.transaction(configuration -> {
      DSLContext tx = DSL.using(configuration);
      tx.update(ITERATION)
          .set(ITERATION.STATUS, end.status())
          .set(ITERATION.STAGE, completed ? DSL.val("done") : ITERATION.STAGE)
          .set(ITERATION.FINISHED_AT, at)
          .set(ITERATION.SUMMARY, end.summary() == null ? null : json(end.summary()))
          .where(ITERATION.ID.eq(iteration))
          .execute();
      for (String stage : STAGES) {
        tx.insertInto(ITERATION_STAGE)
            .set(ITERATION_STAGE.ITERATION_ID, iteration)
            .set(ITERATION_STAGE.STAGE, stage)
            .set(ITERATION_STAGE.STATUS, "skipped")
            .set(ITERATION_STAGE.STARTED_AT, at)
            .set(ITERATION_STAGE.FINISHED_AT, at)
            .onConflict(ITERATION_STAGE.ITERATION_ID, ITERATION_STAGE.STAGE).doNothing()
            .execute();
      }
    });
  }

  @Override
  public void batchAbandoned(BatchAbandoned abandoned) {
    batches.abandoned(abandoned.batchId(), time(abandoned.at()));
  }

  /** The iteration's row; null, with a warning, when its start was never journaled. */
  private Long iterationId(String workflowId) {
    Long id = dsl.select(ITERATION.ID).from(ITERATION)
        .where(ITERATION.WORKFLOW_ID.eq(workflowId)).fetchOne(ITERATION.ID);
    if (id == null) {
      LOG.warn("loop journal: {} has no iteration row (its start was not journaled); its "
          + "entry is left out", workflowId);
    }
    return id;
  }

  private static OffsetDateTime time(long epochMillis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }

  private static JSONB json(Object value) {
    try {
      return JSONB.valueOf(Mappers.json().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
