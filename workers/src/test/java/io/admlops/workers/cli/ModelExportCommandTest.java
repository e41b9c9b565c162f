package io.admlops.workers.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.RepositoryFiles;
import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.datasets.FrameSource;
import io.admlops.activities.store.DatabaseTarget;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.TestDatabase;
import io.admlops.activities.train.GeneratedFrames;
import io.admlops.activities.train.TrainingConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admlops model export} on a version trained and registered by {@code admlops train}. */
class ModelExportCommandTest {

  @TempDir Path dir;
  private String dbUrl;

  @BeforeEach
  void registryWithAGeneratedDataset() throws Exception {
    DatabaseTarget target = TestDatabase.freshSchema();
    dbUrl = target.jdbcUrl() + "&user=" + target.user()
        + (target.password() == null ? "" : "&password=" + target.password());
    new DatasetRegistry(RegistryDatabase.open(target), new DatasetStore(dir.resolve("store")))
        .importVersion("drive", null, FrameSource.of(
            GeneratedFrames.write("fleet.yaml", 21, 12, dir.resolve("incoming"))), null, null);
  }

  @Test
  void exportsAVersionCheckedOnAFolderOfFramesAndPrintsTheNumbers() throws Exception {
    Path zooFolder = trainOneVersion();
    Path out = dir.resolve("exported/tiny.onnx");

    CliRun export = CliRun.of("model", "export", "--model", "tiny-test:1", "--format", "onnx",
        "--out", out.toString(), "--check-frames", dir.resolve("incoming").toString(),
        "--db-url", dbUrl, "--store", dir.resolve("store").toString());

    assertEquals(0, export.exitCode(), export.err());
    List<String> lines = export.out().lines().toList();
    assertTrue(lines.get(0).startsWith("tiny-test:1: parity on 12 frames, ONNX Runtime "),
        export.out());
    for (String output : List.of("heatmap", "size", "offset")) {
      assertTrue(lines.stream().anyMatch(l -> l.matches(
          "  " + output + " +max \\|difference\\| \\d\\.\\d\\de-\\d\\d +\\(allowed 1e-04\\)")),
          export.out());
    }
    assertTrue(lines.stream().anyMatch(l -> l.matches(
        "  detections (\\d+) from DJL, \\1 from ONNX Runtime, 0 unmatched")), export.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("  near-ties  \\d+ excused.*")),
        export.out());
    assertTrue(lines.get(lines.size() - 2).startsWith("written " + out + " and "),
        export.out());
    assertEquals("model card: " + zooFolder.resolve("MODEL_CARD.md"),
        lines.get(lines.size() - 1));
    assertTrue(Files.readString(zooFolder.resolve("MODEL_CARD.md"))
        .contains("| ONNX | model.onnx, verified against DJL by ONNX Runtime |"));
    Path kept = zooFolder.resolve("model.onnx");
    assertArrayEquals(Files.readAllBytes(kept), Files.readAllBytes(out));
    assertTrue(Files.size(out) > 10_000);
  }

  @Test
  void exportsTheVersionAnAliasNamesCheckedOnGeneratedFrames() throws Exception {
    trainOneVersion();
    assertEquals(0, CliRun.of("model", "promote", "tiny-test:1", "--alias", "staging",
        "--reason", "first tiny model", "--db-url", dbUrl).exitCode());
    Path out = dir.resolve("staging.onnx");

    CliRun export = CliRun.of("model", "export", "--model", "tiny-test@staging", "--out",
        out.toString(), "--check-mix",
        RepositoryFiles.locate("configs/collect/fleet.yaml").toString(), "--db-url", dbUrl,
        "--store", dir.resolve("store").toString());

    assertEquals(0, export.exitCode(), export.err());
    assertTrue(export.out().startsWith("tiny-test:1: parity on 8 frames, "), export.out());
    assertTrue(Files.isRegularFile(out));
  }

  @Test
  void anUnknownModelIsRefusedInOneLineAndNothingIsWritten() {
    Path out = dir.resolve("nothing.onnx");

    CliRun export = CliRun.of("model", "export", "--model", "nothing@production", "--out",
        out.toString(), "--db-url", dbUrl);

    assertEquals(2, export.exitCode());
    assertEquals("admlops: model 'nothing@production' is not registered; no model is named "
        + "'nothing'", export.err().strip());
    assertTrue(Files.notExists(out));
  }

  @Test
  void aFormatOtherThanOnnxIsRefusedInOneLine() {
    CliRun export = CliRun.of("model", "export", "--model", "tiny-test:1", "--format",
        "tensorrt", "--out", dir.resolve("model.plan").toString(), "--db-url", dbUrl);

    assertEquals(2, export.exitCode());
    assertEquals("admlops: --format 'tensorrt': only onnx is supported", export.err().strip());
  }

  /** Trains and registers tiny-test:1 and returns its model zoo folder. */
  private Path trainOneVersion() throws Exception {
    Path config = TrainingConfigs.tinyFile(dir.resolve("configs"), 1, 6);
    Path zoo = dir.resolve("zoo");
    CliRun train = CliRun.of("train", "--config", config.toString(), "--dataset", "drive:1",
        "--db-url", dbUrl, "--store", dir.resolve("store").toString(), "--model-zoo",
        zoo.toString());
    assertEquals(0, train.exitCode(), train.err());
    try (Stream<Path> runs = Files.list(zoo.resolve("tiny-test"))) {
      return runs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }
}
