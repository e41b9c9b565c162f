package io.admlops.activities.train;

import static io.admlops.schemas.db.Tables.DATASET;
import static io.admlops.schemas.db.Tables.DATASET_VERSION;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** Training runs as tests need them: a dataset version to train on, and plausible epochs. */
public final class SampleRuns {

  private SampleRuns() {}

  /** Registers an empty dataset version, as a run must name one, and returns its id. */
  public static long datasetVersion(DSLContext dsl, String dataset, int version) {
    dsl.insertInto(DATASET, DATASET.NAME, DATASET.TASK, DATASET.DEFINITION)
        .values(dataset, "detection-2d", JSONB.valueOf("{}"))
        .onConflict(DATASET.NAME).doNothing().execute();
    long datasetId = dsl.select(DATASET.ID).from(DATASET).where(DATASET.NAME.eq(dataset))
        .fetchOne(DATASET.ID);
    return dsl.insertInto(DATASET_VERSION)
        .set(DATASET_VERSION.DATASET_ID, datasetId)
        .set(DATASET_VERSION.VERSION, version)
        .set(DATASET_VERSION.CONTENT_HASH, String.format("%064x", version))
        .set(DATASET_VERSION.MANIFEST_URI, "file:///" + dataset + "/v" + version + ".jsonl")
        .set(DATASET_VERSION.FRAME_COUNT, 0)
        .set(DATASET_VERSION.OBJECT_COUNT, 0)
        .returning(DATASET_VERSION.ID).fetchOne(DATASET_VERSION.ID);
  }

  /**
   * An epoch of a CenterNet run: the loss split into heatmap, size and offset terms that add
   * up to it, a learning rate decaying by a tenth per epoch, and a checkpoint per epoch.
   */
  public static EpochMetrics centerNetEpoch(int epoch, double loss, Double valMap) {
    Map<String, Double> parts = new LinkedHashMap<>();
    parts.put("heatmap", loss * 0.6);
    parts.put("size", loss * 0.3);
    parts.put("offset", loss * 0.1);
    return new EpochMetrics(epoch, 500L * epoch, loss, parts, 1e-3 * Math.pow(0.9, epoch),
        42.5, valMap, "file:///modelzoo/run/epoch-" + epoch + ".params");
  }
}
