package io.admlops.activities.train;

import static io.admlops.schemas.db.Tables.DATASET;
import static io.admlops.schemas.db.Tables.DATASET_VERSION;
import static io.admlops.schemas.db.Tables.MODEL;
import static io.admlops.schemas.db.Tables.TRAINING_EPOCH;
import static io.admlops.schemas.db.Tables.TRAINING_RUN;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.admlops.schemas.json.Mappers;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Training runs and their per-epoch metrics in the registry, written while a run trains and
 * read back as curves. Every write is idempotent, so a retried training activity that begins
 * its run again and rewrites epochs lands on the same rows instead of new ones.
 */
public final class TrainingRunLog {

  /** The task of the models trained here, as the model table records it. */
  private static final String TASK = "detection-2d";

  private static final TypeReference<TreeMap<String, Double>> LOSS_PARTS =
      new TypeReference<>() {};

  private final DSLContext dsl;

  public TrainingRunLog(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Begins a run: creates the model when it is new and the run when its key is new. A key
   * already recorded is a retried attempt of that run: its id is returned and its status set
   * back to running, keeping the configuration it began with.
   *
   * @param runKey the run's unique key, derived by the trainer from what it trains
   * @param modelName the model's name; a new name creates a detection-2d model
   * @param datasetVersionId the dataset_version row trained on
   * @param resolvedConfigJson the configuration after defaults and extends, as JSON
   * @param seed the random seed
   * @param device where it trains, e.g. {@code gpu(0)}
   * @return the run's id
   */
  public long begin(String runKey, String modelName, long datasetVersionId,
      String resolvedConfigJson, long seed, String device) {
    return dsl.transactionResult(configuration -> {
      DSLContext tx = DSL.using(configuration);
      tx.insertInto(MODEL, MODEL.NAME, MODEL.TASK).values(modelName, TASK)
          .onConflict(MODEL.NAME).doNothing().execute();
      long modelId = tx.select(MODEL.ID).from(MODEL).where(MODEL.NAME.eq(modelName))
          .fetchOne(MODEL.ID);
      return tx.insertInto(TRAINING_RUN)
          .set(TRAINING_RUN.RUN_KEY, runKey)
          .set(TRAINING_RUN.MODEL_ID, modelId)
          .set(TRAINING_RUN.DATASET_VERSION_ID, datasetVersionId)
          .set(TRAINING_RUN.CONFIG, JSONB.valueOf(resolvedConfigJson))
          .set(TRAINING_RUN.SEED, seed)
          .set(TRAINING_RUN.DEVICE, device)
          .onConflict(TRAINING_RUN.RUN_KEY).doUpdate()
          .set(TRAINING_RUN.STATUS, "running")
          .setNull(TRAINING_RUN.FINISHED_AT)
          .returning(TRAINING_RUN.ID).fetchOne(TRAINING_RUN.ID);
    });
  }

  /**
   * Records an epoch's metrics; an epoch recorded before, by an attempt that failed after it,
   * is replaced. A checkpoint given also becomes the run's newest checkpoint.
   */
  public void recordEpoch(long runId, EpochMetrics metrics) {
    JSONB parts = JSONB.valueOf(json(metrics.lossParts()));
    dsl.transaction(configuration -> {
      DSLContext tx = DSL.using(configuration);
      Map<Field<?>, Object> measured = new LinkedHashMap<>();
      measured.put(TRAINING_EPOCH.STEP, metrics.step());
      measured.put(TRAINING_EPOCH.LOSS, metrics.loss());
      measured.put(TRAINING_EPOCH.LOSS_PARTS, parts);
      measured.put(TRAINING_EPOCH.LEARNING_RATE, metrics.learningRate());
      measured.put(TRAINING_EPOCH.IMAGES_PER_SECOND, metrics.imagesPerSecond());
      measured.put(TRAINING_EPOCH.VAL_MAP, metrics.valMap());
      measured.put(TRAINING_EPOCH.CHECKPOINT_URI, metrics.checkpointUri());
      tx.insertInto(TRAINING_EPOCH)
          .set(TRAINING_EPOCH.TRAINING_RUN_ID, runId)
          .set(TRAINING_EPOCH.EPOCH, metrics.epoch())
          .set(measured)
          .onConflict(TRAINING_EPOCH.TRAINING_RUN_ID, TRAINING_EPOCH.EPOCH).doUpdate()
          .set(measured)
          .set(TRAINING_EPOCH.RECORDED_AT, DSL.currentOffsetDateTime())
          .execute();
      if (metrics.checkpointUri() != null) {
        tx.update(TRAINING_RUN).set(TRAINING_RUN.CHECKPOINT_URI, metrics.checkpointUri())
            .where(TRAINING_RUN.ID.eq(runId)).execute();
      }
    });
  }

  /**
   * Marks a run completed or failed, as of now.
   *
   * @throws IllegalArgumentException when no run has the id
   */
  public void finish(long runId, boolean completed) {
    int updated = dsl.update(TRAINING_RUN)
        .set(TRAINING_RUN.STATUS, completed ? "completed" : "failed")
        .set(TRAINING_RUN.FINISHED_AT, DSL.currentOffsetDateTime())
        .where(TRAINING_RUN.ID.eq(runId)).execute();
    if (updated == 0) {
      throw new IllegalArgumentException("no training run with id " + runId);
    }
  }

  /**
   * A run with its epochs, by its id or, when no id matches, by its key.
   *
   * @param idOrRunKey a run's numeric id or its run key
   */
  public Optional<TrainingRunCurves> find(String idOrRunKey) {
    Optional<? extends Record> run = Optional.empty();
    if (idOrRunKey.matches("[0-9]{1,18}")) {
      run = fetchRun(TRAINING_RUN.ID.eq(Long.parseLong(idOrRunKey)));
    }
    if (run.isEmpty()) {
      run = fetchRun(TRAINING_RUN.RUN_KEY.eq(idOrRunKey));
    }
    return run.map(this::curves);
  }

  private Optional<? extends Record> fetchRun(Condition which) {
    return dsl.select(TRAINING_RUN.ID, TRAINING_RUN.RUN_KEY, MODEL.NAME, DATASET.NAME,
            DATASET_VERSION.VERSION, TRAINING_RUN.DEVICE, TRAINING_RUN.STATUS,
            TRAINING_RUN.SEED, TRAINING_RUN.STARTED_AT, TRAINING_RUN.FINISHED_AT)
        .from(TRAINING_RUN)
        .join(MODEL).on(MODEL.ID.eq(TRAINING_RUN.MODEL_ID))
        .join(DATASET_VERSION).on(DATASET_VERSION.ID.eq(TRAINING_RUN.DATASET_VERSION_ID))
        .join(DATASET).on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
        .where(which)
        .fetchOptional();
  }

  private TrainingRunCurves curves(Record run) {
    long id = run.get(TRAINING_RUN.ID);
    List<EpochMetrics> epochs = dsl.selectFrom(TRAINING_EPOCH)
        .where(TRAINING_EPOCH.TRAINING_RUN_ID.eq(id))
        .orderBy(TRAINING_EPOCH.EPOCH)
        .fetch(e -> new EpochMetrics(e.getEpoch(), e.getStep(), e.getLoss(),
            lossParts(e.getLossParts()), e.getLearningRate(), e.getImagesPerSecond(),
            e.getValMap(), e.getCheckpointUri()));
    return new TrainingRunCurves(id, run.get(TRAINING_RUN.RUN_KEY), run.get(MODEL.NAME),
        run.get(DATASET.NAME) + ":v" + run.get(DATASET_VERSION.VERSION),
        run.get(TRAINING_RUN.DEVICE), run.get(TRAINING_RUN.STATUS), run.get(TRAINING_RUN.SEED),
        instant(run.get(TRAINING_RUN.STARTED_AT)), instant(run.get(TRAINING_RUN.FINISHED_AT)),
        epochs);
  }

  /** Parts in name order: jsonb keeps its own key order, which means nothing to a reader. */
  private static Map<String, Double> lossParts(JSONB stored) {
    try {
      return Mappers.json().readValue(stored.data(), LOSS_PARTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("training_epoch.loss_parts is not an object of numbers: "
          + stored.data(), e);
    }
  }

  private static String json(Map<String, Double> parts) {
    try {
      return Mappers.json().writeValueAsString(parts);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("loss parts cannot be written as JSON: " + parts, e);
    }
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
