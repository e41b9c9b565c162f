package io.admlops.activities.evaluate.slices;

import static io.admlops.schemas.db.Tables.EVALUATION;
import static io.admlops.schemas.db.Tables.EVALUATION_SLICE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.activities.datasets.Split;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * The registry's {@code evaluation} and {@code evaluation_slice} tables through jOOQ. An
 * evaluation is keyed by the model version, dataset version, split and protocol, so saving it
 * again (a retried activity, a re-run) replaces the earlier numbers and slices instead of
 * adding a second evaluation.
 */
public final class EvaluationRepository {

  /** The protocol column of evaluations that {@link SliceEvaluator} computes. */
  private static final String COCO = "coco";

  private final DSLContext dsl;

  public EvaluationRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Stores a COCO evaluation and its slices in one transaction, replacing any earlier one of
   * the same model version, dataset version and split.
   *
   * @param iterationId the loop iteration that ran the evaluation, or null outside the loop
   * @return the evaluation's id, the same on every save of the same key
   * @throws UserInputException when the frames have no ground-truth object, so there is no mAP
   */
  public long save(long modelVersionId, long datasetVersionId, Split split, Long iterationId,
      SliceEvaluation evaluation) {
    Double map = evaluation.overall().map();
    if (map == null) {
      throw new UserInputException("the " + evaluation.frameIds().size() + " frames of the "
          + split.column() + " split have no ground-truth object to measure mAP against");
    }
    JSONB metrics = json(evaluationMetrics(evaluation));
    return dsl.transactionResult(configuration -> {
      DSLContext tx = DSL.using(configuration);
      long id = tx.insertInto(EVALUATION)
          .set(EVALUATION.MODEL_VERSION_ID, modelVersionId)
          .set(EVALUATION.DATASET_VERSION_ID, datasetVersionId)
          .set(EVALUATION.SPLIT, split.column())
          .set(EVALUATION.PROTOCOL, COCO)
          .set(EVALUATION.MAP, map)
          .set(EVALUATION.METRICS, metrics)
          .set(EVALUATION.ITERATION_ID, iterationId)
          .onConflict(EVALUATION.MODEL_VERSION_ID, EVALUATION.DATASET_VERSION_ID,
              EVALUATION.SPLIT, EVALUATION.PROTOCOL)
          .doUpdate()
          .set(EVALUATION.MAP, map)
          .set(EVALUATION.METRICS, metrics)
          .set(EVALUATION.ITERATION_ID, iterationId)
          .returning(EVALUATION.ID).fetchOne(EVALUATION.ID);
      tx.deleteFrom(EVALUATION_SLICE).where(EVALUATION_SLICE.EVALUATION_ID.eq(id)).execute();
      var insert = tx.insertInto(EVALUATION_SLICE, EVALUATION_SLICE.EVALUATION_ID,
          EVALUATION_SLICE.SLICE_KEY, EVALUATION_SLICE.FRAME_COUNT,
          EVALUATION_SLICE.OBJECT_COUNT, EVALUATION_SLICE.MAP, EVALUATION_SLICE.METRICS);
      for (Map.Entry<String, SliceResult> slice : evaluation.slices().entrySet()) {
        SliceResult result = slice.getValue();
        insert = insert.values(id, slice.getKey(), result.frameCount(), result.objectCount(),
            result.map(), json(Mappers.json().valueToTree(result)));
      }
      if (!evaluation.slices().isEmpty()) {
        insert.execute();
      }
      return id;
    });
  }

  /** The twelve COCO statistics, the overall metrics and the identity of the frame set. */
  private static ObjectNode evaluationMetrics(SliceEvaluation evaluation) {
    ObjectMapper mapper = Mappers.json();
    ObjectNode metrics = mapper.createObjectNode();
    metrics.put("frameSetSha256", evaluation.frameSetSha256());
    ObjectNode stats = metrics.putObject("stats");
    evaluation.stats().forEach((stat, value) -> stats.put(stat.name(), value));
    metrics.set("overall", mapper.valueToTree(evaluation.overall()));
    return metrics;
  }

  private static JSONB json(ObjectNode node) {
    try {
      return JSONB.valueOf(Mappers.json().writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of numbers and names always serializes", e);
    }
  }
}
