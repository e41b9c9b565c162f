package io.admlops.activities.store;

import static io.admlops.schemas.db.Tables.DATASET;
import static io.admlops.schemas.db.Tables.DATASET_VERSION;
import static io.admlops.schemas.db.Tables.MODEL;
import static io.admlops.schemas.db.Tables.MODEL_ALIAS;
import static io.admlops.schemas.db.Tables.MODEL_VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.UserInputException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class RegistryDatabaseTest {

  private static final String HASH_A = "a".repeat(64);
  private static final String HASH_B = "b".repeat(64);

  @Test
  void migratesAnEmptyDatabaseToEveryRegistryTable() {
    RegistryDatabase registry = TestDatabase.freshRegistry();

    List<String> tables = registry.dsl()
        .resultQuery("select table_name from information_schema.tables "
            + "where table_schema = current_schema() order by table_name")
        .fetch(0, String.class);

    assertTrue(tables.containsAll(List.of("campaign", "iteration", "iteration_stage", "dataset",
        "dataset_version", "sample", "dataset_version_sample", "annotation", "annotation_batch",
        "annotation_batch_sample", "model", "model_version", "model_alias", "model_alias_event",
        "training_run", "training_epoch", "evaluation", "evaluation_slice",
        "flyway_schema_history")), () -> "tables: " + tables);
  }

  @Test
  void reopeningAMigratedDatabaseAppliesNothingAndKeepsRows() {
    DatabaseTarget target = TestDatabase.freshSchema();
    DSLContext first = RegistryDatabase.open(target).dsl();
    insertDataset(first, "kitti-2d");
    int migrations = first.fetchCount(DSL.table("flyway_schema_history"));

    RegistryDatabase reopened = RegistryDatabase.open(target);

    assertEquals(1, reopened.dsl().fetchCount(DATASET));
    assertEquals(migrations, reopened.dsl().fetchCount(DSL.table("flyway_schema_history")));
  }

  @Test
  void datasetVersionsKeepTheirParentAndRefuseTheSameContentTwice() {
    DSLContext dsl = TestDatabase.freshRegistry().dsl();
    long dataset = insertDataset(dsl, "fleet-front-camera");
    long v1 = insertVersion(dsl, dataset, 1, null, HASH_A);
    long v2 = insertVersion(dsl, dataset, 2, v1, HASH_B);

    assertEquals(v1, dsl.select(DATASET_VERSION.PARENT_VERSION_ID).from(DATASET_VERSION)
        .where(DATASET_VERSION.ID.eq(v2)).fetchOne(0, Long.class));
    // A retried convert that produced the same manifest must land on the existing version.
    assertViolates("dataset_version_dataset_id_content_hash_key",
        () -> insertVersion(dsl, dataset, 3, v2, HASH_A));
  }

  @Test
  void refusesContentHashesThatAreNotSha256Hex() {
    DSLContext dsl = TestDatabase.freshRegistry().dsl();
    long dataset = insertDataset(dsl, "bad-hash");

    assertViolates("dataset_version_content_hash_check",
        () -> insertVersion(dsl, dataset, 1, null, "not-a-hash"));
  }

  @Test
  void aModelAliasPointsAtOneVersionPerModel() {
    DSLContext dsl = TestDatabase.freshRegistry().dsl();
    long dataset = insertDataset(dsl, "for-models");
    long datasetVersion = insertVersion(dsl, dataset, 1, null, HASH_A);
    long model = dsl.insertInto(MODEL, MODEL.NAME, MODEL.TASK)
        .values("centernet-small", "detection-2d").returning(MODEL.ID).fetchOne(MODEL.ID);
    long first = insertModelVersion(dsl, model, 1, datasetVersion, HASH_A);
    long second = insertModelVersion(dsl, model, 2, datasetVersion, HASH_B);

    dsl.insertInto(MODEL_ALIAS, MODEL_ALIAS.MODEL_ID, MODEL_ALIAS.ALIAS,
        MODEL_ALIAS.MODEL_VERSION_ID).values(model, "production", first).execute();
    assertViolates("model_alias_pkey", () -> dsl.insertInto(MODEL_ALIAS, MODEL_ALIAS.MODEL_ID,
        MODEL_ALIAS.ALIAS, MODEL_ALIAS.MODEL_VERSION_ID).values(model, "production", second)
        .execute());
  }

  @Test
  void anUnreachableDatabaseIsNamedWithoutItsPassword() {
    DatabaseTarget nowhere = new DatabaseTarget(
        "jdbc:postgresql://127.0.0.1:1/admlops?password=secret", "admlops", null);

    UserInputException e = assertThrows(UserInputException.class,
        () -> RegistryDatabase.open(nowhere));
    assertTrue(e.getMessage().startsWith(
        "cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/admlops?password=***"),
        e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }

  private static void assertViolates(String constraint, Runnable write) {
    DataAccessException e = assertThrows(DataAccessException.class, write::run);
    assertTrue(e.getMessage().contains(constraint), e.getMessage());
  }

  private static long insertDataset(DSLContext dsl, String name) {
    return dsl.insertInto(DATASET, DATASET.NAME, DATASET.TASK, DATASET.DEFINITION)
        .values(name, "detection-2d", JSONB.valueOf("{\"classes\":[\"car\",\"pedestrian\"]}"))
        .returning(DATASET.ID).fetchOne(DATASET.ID);
  }

  private static long insertVersion(DSLContext dsl, long dataset, int version, Long parent,
      String hash) {
    return dsl.insertInto(DATASET_VERSION)
        .set(DATASET_VERSION.DATASET_ID, dataset)
        .set(DATASET_VERSION.VERSION, version)
        .set(DATASET_VERSION.PARENT_VERSION_ID, parent)
        .set(DATASET_VERSION.CONTENT_HASH, hash)
        .set(DATASET_VERSION.MANIFEST_URI, "file:///datasets/v" + version + "/frames.jsonl")
        .set(DATASET_VERSION.FRAME_COUNT, 10)
        .set(DATASET_VERSION.OBJECT_COUNT, 42)
        .returning(DATASET_VERSION.ID).fetchOne(DATASET_VERSION.ID);
  }

  private static long insertModelVersion(DSLContext dsl, long model, int version,
      long datasetVersion, String paramsHash) {
    return dsl.insertInto(MODEL_VERSION)
        .set(MODEL_VERSION.MODEL_ID, model)
        .set(MODEL_VERSION.VERSION, version)
        .set(MODEL_VERSION.DATASET_VERSION_ID, datasetVersion)
        .set(MODEL_VERSION.CONFIG, JSONB.valueOf("{}"))
        .set(MODEL_VERSION.CODE_VERSION, "test")
        .set(MODEL_VERSION.ARTIFACT_URI, "file:///modelzoo/centernet-small/" + version)
        .set(MODEL_VERSION.PARAMS_HASH, paramsHash)
        .returning(MODEL_VERSION.ID).fetchOne(MODEL_VERSION.ID);
  }
}
