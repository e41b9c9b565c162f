package io.admlops.activities.evaluate.slices;

import static io.admlops.schemas.db.Tables.DATASET;
import static io.admlops.schemas.db.Tables.DATASET_VERSION;
import static io.admlops.schemas.db.Tables.EVALUATION;
import static io.admlops.schemas.db.Tables.EVALUATION_SLICE;
import static io.admlops.schemas.db.Tables.MODEL;
import static io.admlops.schemas.db.Tables.MODEL_VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.datasets.Split;
import io.admlops.activities.store.TestDatabase;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.db.tables.records.EvaluationSliceRecord;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

class EvaluationRepositoryTest {

  private final DSLContext dsl = TestDatabase.freshRegistry().dsl();
  private final EvaluationRepository repository = new EvaluationRepository(dsl);
  private final long datasetVersion = insertDatasetVersion(dsl);
  private final long modelVersion = insertModelVersion(dsl, datasetVersion);
  private final SliceEvaluator evaluator = new SliceEvaluator();
  private final SliceEvaluation dayOnly =
      evaluator.evaluate(FrozenSplit.frames(), FrozenSplit.dayOnlyDetections());

  @Test
  void savingTheSameEvaluationTwiceKeepsOneEvaluationAndOneSetOfSlices() {
    long first = repository.save(modelVersion, datasetVersion, Split.TEST, null, dayOnly);
    long second = repository.save(modelVersion, datasetVersion, Split.TEST, null, dayOnly);

    assertEquals(first, second);
    assertEquals(1, dsl.fetchCount(EVALUATION));
    assertEquals(dayOnly.slices().size(), dsl.fetchCount(EVALUATION_SLICE));
  }

  @Test
  void theEvaluationRowHoldsMapStatsAndTheFrameSetIdentity() throws IOException {
    long id = repository.save(modelVersion, datasetVersion, Split.TEST, null, dayOnly);

    var row = dsl.selectFrom(EVALUATION).where(EVALUATION.ID.eq(id)).fetchOne();
    JsonNode metrics = Mappers.json().readTree(row.getMetrics().data());
    assertEquals("coco", row.getProtocol());
    assertEquals("test", row.getSplit());
    assertEquals(dayOnly.overall().map(), row.getMap());
    assertEquals(dayOnly.frameSetSha256(), metrics.path("frameSetSha256").asText());
    assertEquals(12, metrics.path("stats").size());
    assertEquals(6, metrics.path("overall").path("objectCount").asInt());
  }

  @Test
  void eachSliceIsStoredWithItsCountsAndMetricsAndNoMapWhereNothingIsMeasured()
      throws IOException {
    long id = repository.save(modelVersion, datasetVersion, Split.TEST, null, dayOnly);

    Map<String, EvaluationSliceRecord> slices = dsl.selectFrom(EVALUATION_SLICE)
        .where(EVALUATION_SLICE.EVALUATION_ID.eq(id)).fetchMap(EVALUATION_SLICE.SLICE_KEY);
    EvaluationSliceRecord night = slices.get("timeofday=night");
    assertEquals(List.of(2, 3, 0.0),
        List.of(night.getFrameCount(), night.getObjectCount(), night.getMap()));
    assertEquals(Mappers.json().valueToTree(dayOnly.slices().get("weather=foggy")),
        Mappers.json().readTree(slices.get("weather=foggy").getMetrics().data()));
    assertNull(slices.get("size=medium").getMap());
  }

  @Test
  void savingAgainReplacesTheNumbersAndTheSlices() {
    long first = repository.save(modelVersion, datasetVersion, Split.TEST, null, dayOnly);
    SliceEvaluation fewerFrames = evaluator.evaluate(FrozenSplit.frames().subList(0, 2),
        FrozenSplit.carsOnlyDetections().subList(0, 2));

    long second = repository.save(modelVersion, datasetVersion, Split.TEST, null, fewerFrames);

    assertEquals(first, second);
    assertEquals(fewerFrames.overall().map(), dsl.select(EVALUATION.MAP).from(EVALUATION)
        .fetchOne(EVALUATION.MAP));
    assertEquals(List.copyOf(fewerFrames.slices().keySet()).stream().sorted().toList(),
        dsl.select(EVALUATION_SLICE.SLICE_KEY).from(EVALUATION_SLICE)
            .orderBy(EVALUATION_SLICE.SLICE_KEY).fetch(EVALUATION_SLICE.SLICE_KEY));
  }

  @Test
  void anotherSplitIsAnotherEvaluation() {
    long test = repository.save(modelVersion, datasetVersion, Split.TEST, null, dayOnly);
    long val = repository.save(modelVersion, datasetVersion, Split.VAL, null, dayOnly);

    assertEquals(2, dsl.fetchCount(EVALUATION));
    assertEquals(2 * dayOnly.slices().size(), dsl.fetchCount(EVALUATION_SLICE));
    assertNotEquals(test, val);
  }

  @Test
  void framesWithoutGroundTruthCannotBeStoredForWantOfAMap() {
    SliceEvaluation unlabeled =
        evaluator.evaluate(List.of(FrozenSplit.frame("u9", null)), List.of());

    UserInputException e = assertThrows(UserInputException.class,
        () -> repository.save(modelVersion, datasetVersion, Split.TEST, null, unlabeled));

    assertEquals("the 1 frames of the test split have no ground-truth object to measure mAP"
        + " against", e.getMessage());
    assertEquals(0, dsl.fetchCount(EVALUATION));
  }

  private static long insertDatasetVersion(DSLContext dsl) {
    long dataset = dsl.insertInto(DATASET, DATASET.NAME, DATASET.TASK, DATASET.DEFINITION)
        .values("fleet-front-camera", "detection-2d", JSONB.valueOf("{}"))
        .returning(DATASET.ID).fetchOne(DATASET.ID);
    return dsl.insertInto(DATASET_VERSION)
        .set(DATASET_VERSION.DATASET_ID, dataset)
        .set(DATASET_VERSION.VERSION, 1)
        .set(DATASET_VERSION.CONTENT_HASH, "a".repeat(64))
        .set(DATASET_VERSION.MANIFEST_URI, "fleet-front-camera/v1/frames.jsonl")
        .set(DATASET_VERSION.FRAME_COUNT, 5)
        .set(DATASET_VERSION.OBJECT_COUNT, 7)
        .returning(DATASET_VERSION.ID).fetchOne(DATASET_VERSION.ID);
  }

  private static long insertModelVersion(DSLContext dsl, long datasetVersion) {
    long model = dsl.insertInto(MODEL, MODEL.NAME, MODEL.TASK)
        .values("centernet-small", "detection-2d").returning(MODEL.ID).fetchOne(MODEL.ID);
    return dsl.insertInto(MODEL_VERSION)
        .set(MODEL_VERSION.MODEL_ID, model)
        .set(MODEL_VERSION.VERSION, 1)
        .set(MODEL_VERSION.DATASET_VERSION_ID, datasetVersion)
        .set(MODEL_VERSION.CONFIG, JSONB.valueOf("{}"))
        .set(MODEL_VERSION.CODE_VERSION, "test")
        .set(MODEL_VERSION.ARTIFACT_URI, "centernet-small/1")
        .set(MODEL_VERSION.PARAMS_HASH, "b".repeat(64))
        .returning(MODEL_VERSION.ID).fetchOne(MODEL_VERSION.ID);
  }
}
