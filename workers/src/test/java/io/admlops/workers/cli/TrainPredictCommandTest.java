package io.admlops.workers.cli;

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

  @BeforeEach
  void registryWithAGeneratedVersion() throws Exception {
    DatabaseTarget target = TestDatabase.freshSchema();
    dbUrl = target.jdbcUrl() + "&user=" + target.user()
        + (target.password() == null ? "" : "&password=" + target.password());
    new DatasetRegistry(RegistryDatabase.open(target), new DatasetStore(dir.resolve("store")))
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
