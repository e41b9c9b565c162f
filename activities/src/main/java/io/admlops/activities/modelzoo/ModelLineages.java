package io.admlops.activities.modelzoo;

import static io.admlops.schemas.db.Tables.DATASET;
import static io.admlops.schemas.db.Tables.DATASET_VERSION;
import static io.admlops.schemas.db.Tables.EVALUATION;
import static io.admlops.schemas.db.Tables.EVALUATION_SLICE;
import static io.admlops.schemas.db.Tables.MODEL;
import static io.admlops.schemas.db.Tables.MODEL_ALIAS;
import static io.admlops.schemas.db.Tables.MODEL_ALIAS_EVENT;
import static io.admlops.schemas.db.Tables.MODEL_VERSION;
import static io.admlops.schemas.db.Tables.TRAINING_EPOCH;
import static io.admlops.schemas.db.Tables.TRAINING_RUN;

import io.admlops.activities.modelzoo.ModelLineage.AliasMove;
import io.admlops.activities.modelzoo.ModelLineage.DataVersion;
import io.admlops.activities.modelzoo.ModelLineage.Evaluation;
import io.admlops.activities.modelzoo.ModelLineage.Run;
import io.admlops.activities.modelzoo.ModelLineage.Slice;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Reads a model version's {@link ModelLineage} from the registry: the version's row, the
 * dataset version it was trained on and the versions that one was built over, its training
 * run, its evaluations with their slices, and its aliases with their history.
 */
public final class ModelLineages {

  private final DSLContext dsl;

  public ModelLineages(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The lineage of a registered version. */
  public ModelLineage of(ModelVersion version) {
    Record row = dsl.select(MODEL_VERSION.CREATED_AT, MODEL_VERSION.CODE_VERSION,
            MODEL_VERSION.CONFIG_SHA256, MODEL_VERSION.DATASET_VERSION_ID,
            MODEL_VERSION.TRAINING_RUN_ID)
        .from(MODEL_VERSION).where(MODEL_VERSION.ID.eq(version.id())).fetchSingle();
    List<DataVersion> data = dataChain(row.get(MODEL_VERSION.DATASET_VERSION_ID));
    Long runId = row.get(MODEL_VERSION.TRAINING_RUN_ID);
    return new ModelLineage(version.label(), row.get(MODEL_VERSION.CREATED_AT),
        row.get(MODEL_VERSION.CODE_VERSION), version.paramsHash(), version.folder().toString(),
        new ModelLineage.Config(row.get(MODEL_VERSION.CONFIG_SHA256),
            version.config().toString()),
        data.get(0), data.subList(1, data.size()), runId == null ? null : run(runId),
        evaluations(version.id()), aliases(version.id()), aliasHistory(version.id()),
        Files.isRegularFile(version.onnx()) ? version.onnx().toString() : null,
        version.card().toString());
  }

  /** A dataset version followed by its parent, its parent's parent, and so on. */
  private List<DataVersion> dataChain(long datasetVersionId) {
    List<DataVersion> chain = new ArrayList<>();
    Long next = datasetVersionId;
    while (next != null) {
      Record r = dsl.select(DATASET.NAME, DATASET_VERSION.VERSION, DATASET_VERSION.FRAME_COUNT,
              DATASET_VERSION.OBJECT_COUNT, DATASET_VERSION.CONTENT_HASH, DATASET_VERSION.NOTE,
              DATASET_VERSION.PARENT_VERSION_ID)
          .from(DATASET_VERSION).join(DATASET).on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
          .where(DATASET_VERSION.ID.eq(next)).fetchSingle();
      chain.add(new DataVersion(r.get(DATASET.NAME), r.get(DATASET_VERSION.VERSION),
          r.get(DATASET_VERSION.FRAME_COUNT), r.get(DATASET_VERSION.OBJECT_COUNT),
          r.get(DATASET_VERSION.CONTENT_HASH), r.get(DATASET_VERSION.NOTE)));
      next = r.get(DATASET_VERSION.PARENT_VERSION_ID);
    }
    return chain;
  }

  private Run run(long runId) {
    Record r = dsl.select(TRAINING_RUN.RUN_KEY, TRAINING_RUN.STATUS, TRAINING_RUN.DEVICE,
            TRAINING_RUN.SEED)
        .from(TRAINING_RUN).where(TRAINING_RUN.ID.eq(runId)).fetchSingle();
    int epochs = dsl.fetchCount(TRAINING_EPOCH, TRAINING_EPOCH.TRAINING_RUN_ID.eq(runId));
    Double lastValMap = dsl.select(TRAINING_EPOCH.VAL_MAP).from(TRAINING_EPOCH)
        .where(TRAINING_EPOCH.TRAINING_RUN_ID.eq(runId), TRAINING_EPOCH.VAL_MAP.isNotNull())
        .orderBy(TRAINING_EPOCH.EPOCH.desc()).limit(1).fetchOne(TRAINING_EPOCH.VAL_MAP);
    return new Run(runId, r.get(TRAINING_RUN.RUN_KEY), r.get(TRAINING_RUN.STATUS),
        r.get(TRAINING_RUN.DEVICE), r.get(TRAINING_RUN.SEED), epochs, lastValMap);
  }

  private List<Evaluation> evaluations(long versionId) {
    List<Evaluation> evaluations = new ArrayList<>();
    for (Record r : dsl.select(EVALUATION.ID, DATASET.NAME, DATASET_VERSION.VERSION,
            EVALUATION.SPLIT, EVALUATION.PROTOCOL, EVALUATION.MAP, EVALUATION.CREATED_AT)
        .from(EVALUATION)
        .join(DATASET_VERSION).on(DATASET_VERSION.ID.eq(EVALUATION.DATASET_VERSION_ID))
        .join(DATASET).on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
        .where(EVALUATION.MODEL_VERSION_ID.eq(versionId))
        .orderBy(EVALUATION.CREATED_AT.desc(), EVALUATION.ID.desc()).fetch()) {
      long id = r.get(EVALUATION.ID);
      List<Slice> slices = dsl.select(EVALUATION_SLICE.SLICE_KEY, EVALUATION_SLICE.FRAME_COUNT,
              EVALUATION_SLICE.OBJECT_COUNT, EVALUATION_SLICE.MAP)
          .from(EVALUATION_SLICE).where(EVALUATION_SLICE.EVALUATION_ID.eq(id))
          .orderBy(EVALUATION_SLICE.SLICE_KEY)
          .fetch(s -> new Slice(s.value1(), s.value2(), s.value3(), s.value4()));
      evaluations.add(new Evaluation(id, r.get(DATASET.NAME) + ":v"
          + r.get(DATASET_VERSION.VERSION), r.get(EVALUATION.SPLIT), r.get(EVALUATION.PROTOCOL),
          r.get(EVALUATION.MAP), r.get(EVALUATION.CREATED_AT), slices));
    }
    return evaluations;
  }

  private List<String> aliases(long versionId) {
    return dsl.select(MODEL_ALIAS.ALIAS).from(MODEL_ALIAS)
        .where(MODEL_ALIAS.MODEL_VERSION_ID.eq(versionId)).orderBy(MODEL_ALIAS.ALIAS)
        .fetch(MODEL_ALIAS.ALIAS);
  }

  private List<AliasMove> aliasHistory(long versionId) {
    Map<Long, String> labels = new HashMap<>();
    return dsl.select(MODEL_ALIAS_EVENT.ALIAS, MODEL_ALIAS_EVENT.FROM_MODEL_VERSION_ID,
            MODEL_ALIAS_EVENT.TO_MODEL_VERSION_ID, MODEL_ALIAS_EVENT.ACTOR,
            MODEL_ALIAS_EVENT.REASON, MODEL_ALIAS_EVENT.MOVED_AT)
        .from(MODEL_ALIAS_EVENT)
        .where(MODEL_ALIAS_EVENT.FROM_MODEL_VERSION_ID.eq(versionId)
            .or(MODEL_ALIAS_EVENT.TO_MODEL_VERSION_ID.eq(versionId)))
        .orderBy(MODEL_ALIAS_EVENT.ID).fetch(e -> new AliasMove(e.value1(),
            e.value2() == null ? null : labels.computeIfAbsent(e.value2(), this::label),
            labels.computeIfAbsent(e.value3(), this::label), e.value4(), e.value5(),
            e.value6()));
  }

  private String label(long versionId) {
    Record r = dsl.select(MODEL.NAME, MODEL_VERSION.VERSION).from(MODEL_VERSION).join(MODEL)
        .on(MODEL.ID.eq(MODEL_VERSION.MODEL_ID)).where(MODEL_VERSION.ID.eq(versionId))
        .fetchSingle();
    return r.get(MODEL.NAME) + ":" + r.get(MODEL_VERSION.VERSION);
  }
}
