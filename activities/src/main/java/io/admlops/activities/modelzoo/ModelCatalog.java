package io.admlops.activities.modelzoo;

import static io.admlops.schemas.db.Tables.DATASET;
import static io.admlops.schemas.db.Tables.DATASET_VERSION;
import static io.admlops.schemas.db.Tables.EVALUATION;
import static io.admlops.schemas.db.Tables.MODEL;
import static io.admlops.schemas.db.Tables.MODEL_ALIAS;
import static io.admlops.schemas.db.Tables.MODEL_VERSION;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Every registered model version at a glance, for {@code admlops model list}. */
public final class ModelCatalog {

  private final DSLContext dsl;

  public ModelCatalog(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * One version in the list.
   *
   * @param version {@code model:version}
   * @param registeredAt when it was registered
   * @param aliases the aliases pointing at it, by name
   * @param trainedOn the dataset version it was trained on, {@code dataset:v3}
   * @param map the overall mAP of its newest evaluation, or null when it was never evaluated
   * @param evaluatedOn what that evaluation scored, {@code dataset:v3 test}, or null
   */
  public record Listing(String version, OffsetDateTime registeredAt, List<String> aliases,
      String trainedOn, Double map, String evaluatedOn) {

    public Listing {
      aliases = List.copyOf(aliases);
    }
  }

  /** Every version of every model, by model name and then version. */
  public List<Listing> list() {
    Map<Long, List<String>> aliases = new HashMap<>();
    dsl.select(MODEL_ALIAS.MODEL_VERSION_ID, MODEL_ALIAS.ALIAS).from(MODEL_ALIAS)
        .orderBy(MODEL_ALIAS.ALIAS)
        .forEach(a -> aliases.computeIfAbsent(a.value1(), k -> new ArrayList<>())
            .add(a.value2()));
    Map<Long, Record> newestEvaluation = new HashMap<>();
    dsl.select(EVALUATION.MODEL_VERSION_ID, EVALUATION.MAP, EVALUATION.SPLIT, DATASET.NAME,
            DATASET_VERSION.VERSION)
        .from(EVALUATION)
        .join(DATASET_VERSION).on(DATASET_VERSION.ID.eq(EVALUATION.DATASET_VERSION_ID))
        .join(DATASET).on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
        .orderBy(EVALUATION.CREATED_AT.desc(), EVALUATION.ID.desc())
        .forEach(e -> newestEvaluation.putIfAbsent(e.get(EVALUATION.MODEL_VERSION_ID), e));
    return dsl.select(MODEL_VERSION.ID, MODEL.NAME, MODEL_VERSION.VERSION,
            MODEL_VERSION.CREATED_AT, DATASET.NAME, DATASET_VERSION.VERSION)
        .from(MODEL_VERSION)
        .join(MODEL).on(MODEL.ID.eq(MODEL_VERSION.MODEL_ID))
        .join(DATASET_VERSION).on(DATASET_VERSION.ID.eq(MODEL_VERSION.DATASET_VERSION_ID))
        .join(DATASET).on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
        .orderBy(MODEL.NAME, MODEL_VERSION.VERSION)
        .fetch(v -> {
          Record evaluation = newestEvaluation.get(v.value1());
          return new Listing(v.value2() + ":" + v.value3(), v.value4(),
              aliases.getOrDefault(v.value1(), List.of()), v.value5() + ":v" + v.value6(),
              evaluation == null ? null : evaluation.get(EVALUATION.MAP),
              evaluation == null ? null : evaluation.get(DATASET.NAME) + ":v"
                  + evaluation.get(DATASET_VERSION.VERSION) + " "
                  + evaluation.get(EVALUATION.SPLIT));
        });
  }
}
