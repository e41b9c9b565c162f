package io.admlops.workers.cli;

import static io.admlops.schemas.db.Tables.EVALUATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.datasets.FrameSource;
import io.admlops.activities.store.DatabaseTarget;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.TestDatabase;
import io.admlops.activities.train.GeneratedFrames;
import io.admlops.activities.train.TrainingConfigs;
import io.admlops.schemas.json.Mappers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modeling commands as a user chains them: train on a registered version, export that
 * version to COCO, predict on its images with the export's ids, and score the predictions.
 */
class TrainPredictCommandTest {

  @TempDir Path dir;
  private String dbUrl;
  private DSLContext dsl;

  @BeforeEach
  void registryWithAGeneratedVersion() throws Exception {
    DatabaseTarget target = TestDatabase.freshSchema();
    dbUrl = target.jdbcUrl() + "&user=" + target.user()
        + (target.password() == null ? "" : "&password=" + target.password());
    RegistryDatabase database = RegistryDatabase.open(target);
    dsl = database.dsl();
    new DatasetRegistry(database, new DatasetStore(dir.resolve("store")))
        .importVersion("drive", null, FrameSource.of(
            GeneratedFrames.write("fleet.yaml", 21, 24, dir.resolve("incoming"))), null, null);
  }

  @Test
  void trainsRegistersPredictsAndScoresAModel() throws Exception {
    // Two short epochs train little; a low threshold still gives boxes to write and score.
    Path config = TrainingConfigs.tinyFile(dir.resolve("configs"), 2, 4,
        "inference: {scoreThreshold: 0.001}");

    CliRun train = CliRun.of("train", "--config", config.toString(), "--dataset", "drive:1",
        "--db-url", dbUrl, "--store", dir.resolve("store").toString(),
        "--model-zoo", dir.resolve("zoo").toString());

    assertEquals(0, train.exitCode(), train.err());
    assertTrue(train.out().contains("epoch 1/2  loss "), train.out());
    assertTrue(train.out().contains("epoch 2/2  loss "), train.out());
    assertTrue(train.out().contains("registered tiny-test:1 (run "), train.out());

    Path export = dir.resolve("export");
    assertEquals(0, CliRun.of("dataset", "export", "drive", "1", "--to", "coco", "--out",
        export.toString(), "--db-url", dbUrl, "--store", dir.resolve("store").toString())
        .exitCode());
    Path gt = export.resolve("annotations.json");
    Path dt = dir.resolve("dt.json");

    CliRun predict = CliRun.of("predict", "--model", "tiny-test", "--images",
        export.resolve("images").toString(), "--ids-from", gt.toString(), "--out",
        dt.toString(), "--db-url", dbUrl);

    assertEquals(0, predict.exitCode(), predict.err());
    assertTrue(predict.out().startsWith("tiny-test:1: "), predict.out());
    assertTrue(predict.out().contains(" detections on 24 images written to "), predict.out());
    JsonNode results = Mappers.json().readTree(dt.toFile());
    assertTrue(results.size() > 0);
    JsonNode first = results.get(0);
    assertTrue(first.get("image_id").asLong() >= 1 && first.get("image_id").asLong() <= 24);
    assertEquals(4, first.get("bbox").size());
    assertTrue(first.get("score").asDouble() >= 0.001);

    CliRun eval = CliRun.of("eval", "coco", "--gt", gt.toString(), "--dt", dt.toString(),
        "--json");
    assertEquals(0, eval.exitCode(), eval.err());
    assertTrue(Mappers.json().readTree(eval.out()).get("stats").has("AP"), eval.out());
  }

  @Test
  void comparesTwoTrainedVersionsSliceBySliceOnTheSameFrames() throws Exception {
    for (int epochs : new int[] {1, 3}) {
      Path config = TrainingConfigs.tinyFile(dir.resolve("configs-" + epochs), epochs, 4,
          "inference: {scoreThreshold: 0.001}");
      assertEquals(0, CliRun.of("train", "--config", config.toString(), "--dataset",
          "drive:1", "--db-url", dbUrl, "--store", dir.resolve("store").toString(),
          "--model-zoo", dir.resolve("zoo").toString()).exitCode());
    }

    // The train split: these 24 frames leave too few in the test split to measure.
    CliRun compare = CliRun.of("eval", "model", "--model", "tiny-test:2", "--baseline",
        "tiny-test:1", "--dataset", "drive:1", "--split", "train", "--db-url", dbUrl,
        "--store", dir.resolve("store").toString());

    assertEquals(0, compare.exitCode(), compare.err());
    List<String> lines = compare.out().lines().toList();
    assertEquals("tiny-test:2 against tiny-test:1 on drive:1 train:", lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("overall ")), compare.out());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("timeofday=")), compare.out());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("class=car ")), compare.out());
    assertEquals(2, (int) dsl.fetchCount(EVALUATION));

    CliRun slices = CliRun.of("eval", "model", "--model", "tiny-test:2", "--dataset",
        "drive:1", "--split", "train", "--db-url", dbUrl, "--store",
        dir.resolve("store").toString(), "--json");
    assertEquals(0, slices.exitCode(), slices.err());
    JsonNode evaluation = Mappers.json().readTree(slices.out());
    assertTrue(evaluation.get("overall").get("objectCount").asInt() > 0, slices.out());
    assertTrue(evaluation.get("slices").has("size=small"), slices.out());
    // Stored again under the same model, data and split: replaced, not added.
    assertEquals(2, (int) dsl.fetchCount(EVALUATION));
  }

  @Test
  void aDatasetWithoutAVersionNumberIsRefusedInOneLine() throws Exception {
    Path config = TrainingConfigs.tinyFile(dir.resolve("configs"), 1, 8);

    CliRun train = CliRun.of("train", "--config", config.toString(), "--dataset", "drive",
        "--db-url", dbUrl);

    assertEquals(2, train.exitCode());
    assertEquals("admlops: --dataset 'drive': expected NAME:VERSION, e.g. drive:3",
        train.err().strip());
  }

  @Test
  void anUnknownModelIsRefusedInOneLine() throws Exception {
    CliRun predict = CliRun.of("predict", "--model", "nothing:3", "--images",
        dir.resolve("incoming").toString(), "--out", dir.resolve("dt.json").toString(),
        "--db-url", dbUrl);

    assertEquals(2, predict.exitCode());
    assertEquals("admlops: model 'nothing:3' is not registered; no model is named 'nothing'",
        predict.err().strip());
    assertTrue(Files.notExists(dir.resolve("dt.json")));
  }
}
