package io.admlops.activities.loop;

import static io.admlops.schemas.db.Tables.ANNOTATION_BATCH;
import static io.admlops.schemas.db.Tables.CAMPAIGN;
import static io.admlops.schemas.db.Tables.DATASET;
import static io.admlops.schemas.db.Tables.ITERATION;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.admlops.activities.annotate.QaReport;
import io.admlops.schemas.json.Mappers;
import io.admlops.workflows.loop.AnnotationsReturned;
import io.admlops.workflows.loop.LabelsRequest;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code annotation_batch} rows of the loop journal: a labeling job from its request
 * through each return and QA decision to acceptance or abandonment. Each step sets what it
 * knows, so a retried step writes the same row again.
 */
final class AnnotationBatches {

  private static final Logger LOG = LoggerFactory.getLogger(AnnotationBatches.class);

  private final DSLContext dsl;

  AnnotationBatches(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * A job written to {@code outbox/<batchId>}. Its iteration is the journal's row of the
   * request's campaign and iteration, or none. A retried request leaves the row as later
   * steps have left it.
   */
  void requested(String batchId, LabelsRequest request) {
    Long dataset = request.dataset() == null ? null : dsl.select(DATASET.ID).from(DATASET)
        .where(DATASET.NAME.eq(request.dataset())).fetchOne(DATASET.ID);
    if (dataset == null) {
      LOG.warn("labeling batch {} is not journaled: its request names no registered dataset "
          + "({})", batchId, request.dataset());
      return;
    }
    Long iteration = dsl.select(ITERATION.ID).from(ITERATION).join(CAMPAIGN)
        .on(CAMPAIGN.ID.eq(ITERATION.CAMPAIGN_ID))
        .where(CAMPAIGN.NAME.eq(request.campaign()), ITERATION.NUMBER.eq(request.iteration()))
        .fetchOne(ITERATION.ID);
    dsl.insertInto(ANNOTATION_BATCH)
        .set(ANNOTATION_BATCH.BATCH_KEY, batchId)
        .set(ANNOTATION_BATCH.ITERATION_ID, iteration)
        .set(ANNOTATION_BATCH.DATASET_ID, dataset)
        .set(ANNOTATION_BATCH.VENDOR, request.labeling().vendor())
        .set(ANNOTATION_BATCH.EXPORT_URI, "outbox/" + batchId)
        .onConflict(ANNOTATION_BATCH.BATCH_KEY).doUpdate()
        .set(ANNOTATION_BATCH.ITERATION_ID, DSL.coalesce(ANNOTATION_BATCH.ITERATION_ID,
            DSL.excluded(ANNOTATION_BATCH.ITERATION_ID)))
        .execute();
  }

  /** Labels came back; they are the latest return until the next. */
  void returned(String batchId, AnnotationsReturned labels) {
    dsl.update(ANNOTATION_BATCH)
        .set(ANNOTATION_BATCH.STATUS, "returned")
        .set(ANNOTATION_BATCH.RETURN_URI, labels.uri())
        .set(ANNOTATION_BATCH.RETURN_FORMAT, labels.format())
        .set(ANNOTATION_BATCH.RETURNED_AT, DSL.currentOffsetDateTime())
        .where(ANNOTATION_BATCH.BATCH_KEY.eq(batchId))
        .execute();
  }

  /** QA decided on the latest return: accepted, or back for rework. */
  void decided(String batchId, QaReport report) throws JsonProcessingException {
    dsl.update(ANNOTATION_BATCH)
        .set(ANNOTATION_BATCH.STATUS, report.accepted() ? "accepted" : "rework")
        .set(ANNOTATION_BATCH.QA_REPORT,
            JSONB.valueOf(Mappers.json().writeValueAsString(report)))
        .set(ANNOTATION_BATCH.DECIDED_AT, DSL.currentOffsetDateTime())
        .where(ANNOTATION_BATCH.BATCH_KEY.eq(batchId))
        .execute();
  }

  /** The batch went back to the vendor for the {@code rework}-th time. */
  void reworkRequested(String batchId, int rework) {
    dsl.update(ANNOTATION_BATCH)
        .set(ANNOTATION_BATCH.REWORK_COUNT,
            DSL.greatest(ANNOTATION_BATCH.REWORK_COUNT, DSL.val(rework)))
        .where(ANNOTATION_BATCH.BATCH_KEY.eq(batchId))
        .execute();
  }

  /** The iteration stopped waiting for the batch. */
  void abandoned(String batchId, OffsetDateTime at) {
    dsl.update(ANNOTATION_BATCH)
        .set(ANNOTATION_BATCH.STATUS, "abandoned")
        .set(ANNOTATION_BATCH.DECIDED_AT, at)
        .where(ANNOTATION_BATCH.BATCH_KEY.eq(batchId))
        .execute();
  }
}
