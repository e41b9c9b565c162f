package io.admlops.workers.cli;

import static io.admlops.schemas.db.Tables.DATASET_VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.modelzoo.ModelAliases;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.SampleVersions;
import io.admlops.activities.store.DatabaseTarget;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.TestDatabase;
import io.admlops.activities.train.SampleRuns;
import io.admlops.schemas.json.Mappers;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code admlops model list|show|lineage} on a registry with two versions of one model: the
 * second trained on a dataset version built over the first's, evaluated per slice, promoted
 * to production and rolled back.
 */
class ModelRegistryCommandsTest {

  @TempDir Path dir;
  private String dbUrl;

  @BeforeEach
  void twoVersionsWithHistory() {
    DatabaseTarget target = TestDatabase.freshSchema();
    dbUrl = target.jdbcUrl() + "&user=" + target.user()
        + (target.password() == null ? "" : "&password=" + target.password());
    DSLContext dsl = RegistryDatabase.open(target).dsl();
    long driveV1 = SampleRuns.datasetVersion(dsl, "drive", 1);
    long driveV2 = SampleRuns.datasetVersion(dsl, "drive", 2);
    dsl.update(DATASET_VERSION).set(DATASET_VERSION.NOTE, "imported from kitti")
        .where(DATASET_VERSION.ID.eq(driveV1)).execute();
    dsl.update(DATASET_VERSION).set(DATASET_VERSION.PARENT_VERSION_ID, driveV1)
        .set(DATASET_VERSION.NOTE, "night iteration 2: 40 labeled frames")
        .where(DATASET_VERSION.ID.eq(driveV2)).execute();
    SampleVersions.register(dsl, "tiny", driveV1, dir.resolve("zoo/1"), 'a');
    ModelVersion second = SampleVersions.register(dsl, "tiny", driveV2, dir.resolve("zoo/2"),
        'b');
    Map<String, Double> slices = new LinkedHashMap<>();
    slices.put("timeofday=daytime", 0.5);
    slices.put("timeofday=night", 0.125);
    SampleVersions.evaluate(dsl, second, driveV2, 0.42, slices);
    ModelAliases aliases = new ModelAliases(dsl);
    aliases.move("tiny:1", "production", "ci", "first model");
    aliases.move("tiny:2", "production", "ci", "better overall");
    aliases.rollback("tiny", "production", "oncall", "night regressed in the field");
    aliases.move("tiny:2", "candidate", "ci", "kept for the next round");
  }

  @Test
  void listShowsEveryVersionWithItsAliasesDataAndNewestMap() {
    CliRun list = CliRun.of("model", "list", "--db-url", dbUrl);

    assertEquals(0, list.exitCode(), list.err());
    List<String> lines = list.out().lines().toList();
    assertEquals(List.of("version", "aliases", "trained", "on", "mAP", "evaluated", "on",
        "registered"), words(lines.get(0)));
    assertEquals(List.of("tiny:1", "production", "drive:v1", "-", "-"),
        words(lines.get(1)).subList(0, 5));
    assertEquals(List.of("tiny:2", "candidate", "drive:v2", "0.4200", "drive:v2", "test"),
        words(lines.get(2)).subList(0, 6));
    assertEquals(3, lines.size());
  }

  @Test
  void showTellsTheVersionsOriginEvaluationsAndPromotionHistory() {
    CliRun show = CliRun.of("model", "show", "tiny:2", "--db-url", dbUrl);

    assertEquals(0, show.exitCode(), show.err());
    String out = show.out();
    List<String> lines = out.lines().toList();
    assertEquals("tiny:2  (candidate)", lines.get(0));
    assertTrue(out.contains("  config      " + dir.resolve("zoo/2/config.yaml") + "  sha256 "
        + SampleVersions.CONFIG_SHA256 + "\n"), out);
    assertTrue(out.contains("  code        commit 0123456789abcdef0123456789abcdef01234567\n"),
        out);
    assertTrue(out.contains("  trained on  drive:v2 (0 frames, 0 objects): night iteration 2: "
        + "40 labeled frames\n"), out);
    assertTrue(out.contains("  onnx        not exported\n"), out);
    assertTrue(out.contains("  model card  " + dir.resolve("zoo/2/MODEL_CARD.md") + "\n"), out);
    assertTrue(out.contains("  drive:v2 test (coco)  mAP 0.4200  "), out);
    assertTrue(lines.stream().anyMatch(l -> words(l).equals(
        List.of("timeofday=night", "10", "20", "0.1250"))), out);
    List<String> history = lines.subList(lines.indexOf("alias history:") + 1, lines.size());
    assertEquals(3, history.size(), out);
    assertTrue(history.get(0).endsWith("production: tiny:1 -> tiny:2  by ci: better overall"),
        out);
    assertTrue(history.get(1).endsWith("production: tiny:2 -> tiny:1  by oncall: night "
        + "regressed in the field"), out);
    assertTrue(history.get(2).endsWith("candidate: (none) -> tiny:2  by ci: kept for the next "
        + "round"), out);
  }

  @Test
  void showAsJsonHoldsTheLineageAUserWouldScript() throws Exception {
    CliRun show = CliRun.of("model", "show", "tiny@candidate", "--json", "--db-url", dbUrl);

    assertEquals(0, show.exitCode(), show.err());
    JsonNode json = Mappers.json().readTree(show.out());
    assertEquals("tiny:2", json.get("version").asText());
    assertEquals("drive", json.get("trainedOn").get("dataset").asText());
    assertEquals(2, json.get("trainedOn").get("version").asInt());
    assertEquals(1, json.get("dataAncestry").get(0).get("version").asInt());
    assertEquals(0.125, json.get("evaluations").get(0).get("slices").get(1).get("map")
        .asDouble());
    assertEquals("oncall", json.get("aliasHistory").get(1).get("actor").asText());
    assertTrue(json.get("onnx").isNull());
  }

  @Test
  void lineageWalksFromTheVersionThroughItsRunToTheFirstDatasetVersion() {
    CliRun lineage = CliRun.of("model", "lineage", "tiny:2", "--db-url", dbUrl);

    assertEquals(0, lineage.exitCode(), lineage.err());
    List<String> lines = lineage.out().lines().toList();
    assertEquals("tiny:2  code 0123456789abcdef0123456789abcdef01234567, config "
        + SampleVersions.CONFIG_SHA256, lines.get(0));
    assertTrue(lines.get(1).matches("  <- run \\d+ train-tiny-b: running, 0 epochs on cpu\\(\\)"
        + ", seed 7, last val mAP -"), lines.get(1));
    assertEquals("  <- drive:v2 (0 frames, 0 objects): night iteration 2: 40 labeled frames",
        lines.get(2));
    assertEquals("  <- drive:v1 (0 frames, 0 objects): imported from kitti", lines.get(3));
    assertEquals("evaluations:", lines.get(5));
  }

  @Test
  void anUnknownVersionIsRefusedInOneLine() {
    CliRun show = CliRun.of("model", "show", "tiny:9", "--db-url", dbUrl);

    assertEquals(2, show.exitCode());
    assertEquals("admlops: model 'tiny:9' is not registered", show.err().strip());
  }

  private static List<String> words(String line) {
    return Arrays.asList(line.strip().split("\\s+"));
  }
}
