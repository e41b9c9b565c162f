package io.admlops.activities.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.datasets.FrameSource;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.TestDatabase;
import io.admlops.activities.train.GeneratedFrames;
import io.admlops.activities.train.TrainingConfigs;
import io.admlops.activities.train.TrainingJob;
import io.admlops.workflows.deploy.DeployActivities;
import io.admlops.workflows.deploy.ExportCheck;
import io.admlops.workflows.deploy.ExportRequest;
import io.admlops.workflows.train.TrainRequest;
import io.admlops.workflows.train.TrainResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy stage's export check as Temporal runs it, on a model trained for the purpose. */
class DeployActivitiesImplTest {

  @TempDir Path dir;
  private TestActivityEnvironment env;
  private DeployActivities activity;
  private Path zooFolder;

  @BeforeEach
  void trainedModel() throws Exception {
    RegistryDatabase database = TestDatabase.freshRegistry();
    DatasetRegistry datasets = new DatasetRegistry(database,
        new DatasetStore(dir.resolve("datasets")));
    datasets.importVersion("drive", null, FrameSource.of(
        GeneratedFrames.write("fleet.yaml", 31, 24, dir.resolve("incoming"))), null, null);
    TrainResult trained = new TrainingJob(database.dsl(), datasets, dir.resolve("zoo"),
        ComputeDevice.local(), 2).run(new TrainRequest("drive", 1, TrainingConfigs.tiny(
            dir.resolve("configs"), 1, 8, "inference: {scoreThreshold: 0.3}").resolvedYaml()),
        Optional.empty(), p -> { });
    zooFolder = Path.of(URI.create(trained.artifactUri()));
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new DeployActivitiesImpl(database.dsl(), datasets,
        ComputeDevice.local()));
    activity = env.newActivityStub(DeployActivities.class);
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void aMatchingExportIsKeptInTheVersionsFolderAndNamedByItsCard() throws Exception {
    ExportCheck check = activity.exportAndCheck(
        new ExportRequest("tiny-test:1", "drive", 1, "train", 3));

    assertTrue(check.passed(), check.findings().toString());
    assertEquals(3, check.frames());
    assertEquals(zooFolder.resolve("model.onnx").toUri().toString(), check.onnxUri());
    assertTrue(Files.size(zooFolder.resolve("model.onnx")) > 10_000);
    assertTrue(check.findings().get(0).startsWith("heatmap within "), check.toString());
    assertTrue(Files.readString(zooFolder.resolve("MODEL_CARD.md"))
        .contains("| ONNX | model.onnx, verified against DJL by ONNX Runtime |"));
  }

  @Test
  void aModelThatIsNotRegisteredFailsWithoutRetries() {
    ActivityFailure failure = assertThrows(ActivityFailure.class, () -> activity.exportAndCheck(
        new ExportRequest("tiny-test:9", "drive", 1, "test", 3)));

    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertEquals(DeployActivitiesImpl.INVALID_REQUEST, cause.getType());
    assertTrue(cause.isNonRetryable());
    assertEquals("model 'tiny-test:9' is not registered", cause.getOriginalMessage());
  }
}
