package io.admlops.activities.modelzoo;

import static io.admlops.schemas.db.Tables.MODEL_ALIAS_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admlops.activities.store.TestDatabase;
import io.admlops.activities.train.SampleRuns;
import io.admlops.activities.train.TrainingRunLog;
import io.admlops.schemas.UserInputException;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Promotion and rollback of the production alias, with every move in the history. */
class ModelAliasesTest {

  private DSLContext dsl;
  private ModelAliases aliases;

  @BeforeEach
  void twoRegisteredVersions() {
    dsl = TestDatabase.freshRegistry().dsl();
    long data = SampleRuns.datasetVersion(dsl, "drive", 1);
    long run = new TrainingRunLog(dsl).begin("train-1", "centernet", data, "{}", 1, "cpu()");
    ModelVersions versions = new ModelVersions(dsl);
    for (char c : new char[] {'a', 'b', 'c'}) {
      versions.register(new ModelVersions.Registration("centernet", data, run, "{}",
          "0".repeat(64), SourceCommit.UNKNOWN, Path.of("/zoo/" + c),
          String.valueOf(c).repeat(64)));
    }
    aliases = new ModelAliases(dsl);
  }

  @Test
  void promotionMovesTheAliasAndKeepsWhereItCameFrom() {
    assertNull(aliases.move("centernet:1", "production", "ci", "first model"));
    assertEquals("centernet:1", aliases.move("centernet:2", "production", "ci", "better"));

    assertEquals("centernet:2", new ModelVersions(dsl).resolve("centernet@production").label());
    assertEquals(2, dsl.fetchCount(MODEL_ALIAS_EVENT));
  }

  @Test
  void movingToTheVersionItPointsAtAlreadyRecordsNothing() {
    aliases.move("centernet:1", "production", "ci", "first model");
    aliases.move("centernet:1", "production", "ci", "retried");

    assertEquals(1, dsl.fetchCount(MODEL_ALIAS_EVENT));
  }

  @Test
  void rollbackReturnsToThePreviousVersionAndIsItselfRecorded() {
    aliases.move("centernet:1", "production", "ci", "first model");
    aliases.move("centernet:3", "production", "ci", "better overall");

    assertEquals("centernet:1", aliases.rollback("centernet", "production", "oncall",
        "night slice regressed in the field"));

    assertEquals("centernet:1", new ModelVersions(dsl).resolve("centernet@production").label());
    assertEquals(3, dsl.fetchCount(MODEL_ALIAS_EVENT));
    assertEquals("oncall", dsl.select(MODEL_ALIAS_EVENT.ACTOR).from(MODEL_ALIAS_EVENT)
        .orderBy(MODEL_ALIAS_EVENT.ID.desc()).limit(1).fetchOne(MODEL_ALIAS_EVENT.ACTOR));
  }

  @Test
  void anAliasWithoutAnEarlierVersionCannotRollBack() {
    aliases.move("centernet:1", "production", "ci", "first model");

    UserInputException e = assertThrows(UserInputException.class,
        () -> aliases.rollback("centernet", "production", "oncall", "why not"));
    assertEquals("centernet@production has pointed at one version only; nothing to roll back "
        + "to", e.getMessage());
  }
}
