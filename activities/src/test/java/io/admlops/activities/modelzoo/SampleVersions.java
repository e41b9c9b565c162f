package io.admlops.activities.modelzoo;

import static io.admlops.schemas.db.Tables.EVALUATION;
import static io.admlops.schemas.db.Tables.EVALUATION_SLICE;

import io.admlops.activities.train.TrainingRunLog;
import java.nio.file.Path;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Model versions as registry tests need them: registered with a run, and evaluated with
 * chosen overall and per-slice mAPs, without training or running a detector.
 */
public final class SampleVersions {

  /** The config hash every sample version records. */
  public static final String CONFIG_SHA256 = "c".repeat(64);

  private SampleVersions() {}

  /**
   * Registers the model's next version, trained by a new run on a dataset version.
   *
   * @param weights one hex digit that makes the weights hash unique, e.g. {@code 'a'}
   */
  public static ModelVersion register(DSLContext dsl, String model, long datasetVersionId,
      Path folder, char weights) {
    long run = new TrainingRunLog(dsl).begin("train-" + model + "-" + weights, model,
        datasetVersionId, "{}", 7, "cpu()");
    return new ModelVersions(dsl).register(new ModelVersions.Registration(model,
        datasetVersionId, run, "{}", CONFIG_SHA256, "0123456789abcdef0123456789abcdef01234567",
        folder, String.valueOf(weights).repeat(64)));
  }

  /**
   * Stores a COCO evaluation of a version on a dataset version's test split; every slice
   * gets 10 frames and 20 objects.
   *
   * @param slices slice key to mAP, in the order to store them
   */
  public static void evaluate(DSLContext dsl, ModelVersion version, long datasetVersionId,
      double map, Map<String, Double> slices) {
    long id = dsl.insertInto(EVALUATION)
        .set(EVALUATION.MODEL_VERSION_ID, version.id())
        .set(EVALUATION.DATASET_VERSION_ID, datasetVersionId)
        .set(EVALUATION.SPLIT, "test")
        .set(EVALUATION.PROTOCOL, "coco")
        .set(EVALUATION.MAP, map)
        .set(EVALUATION.METRICS, JSONB.valueOf("{}"))
        .returning(EVALUATION.ID).fetchOne(EVALUATION.ID);
    slices.forEach((key, sliceMap) -> dsl.insertInto(EVALUATION_SLICE)
        .set(EVALUATION_SLICE.EVALUATION_ID, id)
        .set(EVALUATION_SLICE.SLICE_KEY, key)
        .set(EVALUATION_SLICE.FRAME_COUNT, 10)
        .set(EVALUATION_SLICE.OBJECT_COUNT, 20)
        .set(EVALUATION_SLICE.MAP, sliceMap)
        .set(EVALUATION_SLICE.METRICS, JSONB.valueOf("{}"))
        .execute());
  }
}
