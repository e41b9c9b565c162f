package io.admlops.activities.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.datasets.FrameSource;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.TestDatabase;
import io.admlops.workflows.train.TrainActivities;
import io.admlops.workflows.train.TrainProgress;
import io.admlops.workflows.train.TrainRequest;
import io.admlops.workflows.train.TrainResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run from the registry's dataset version to a registered model version, as the
 * activity runs it: interrupted, retried with its last heartbeat, and retried once more.
 */
class TrainingJobTest {

  @TempDir Path dir;
  private RegistryDatabase database;
  private TrainingJob job;

  @BeforeEach
  void registry() throws IOException {
    database = TestDatabase.freshRegistry();
    DatasetRegistry datasets = new DatasetRegistry(database,
        new DatasetStore(dir.resolve("datasets")));
    datasets.importVersion("drive", null, FrameSource.of(
        GeneratedFrames.write("fleet.yaml", 11, 24, dir.resolve("incoming"))), null, null);
    job = new TrainingJob(database.dsl(), datasets, dir.resolve("modelzoo"),
        ComputeDevice.local(), 2);
  }

  @Test
  void aRetriedAttemptResumesAfterTheHeartbeatedEpochAndRegistersOneVersion()
      throws IOException {
    ModelConfig config = TrainingConfigs.tiny(dir.resolve("configs"), 4, 8);
    TrainRequest request = new TrainRequest("drive", 1, config.resolvedYaml());
    List<TrainProgress> heartbeats = new ArrayList<>();

    // The worker is lost while epoch 3 trains: its last heartbeat names epoch 2's checkpoint.
    assertThrows(IllegalStateException.class, () -> job.run(request, Optional.empty(), p -> {
      heartbeats.add(p);
      if (p.epoch() == 3) {
        throw new IllegalStateException("worker lost");
      }
    }));
    TrainProgress last = heartbeats.get(heartbeats.size() - 1);
    assertTrue(last.checkpointUri().endsWith("epoch-002"), last.checkpointUri());

    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(new TrainActivitiesImpl(job));
      env.setHeartbeatDetails(last);
      TrainResult retried = env.newActivityStub(TrainActivities.class).train(request);

      assertEquals(2, retried.resumedAfterEpoch());
      assertEquals(1, retried.version());
      TrainingRunCurves run = new TrainingRunLog(database.dsl()).find(retried.runKey())
          .orElseThrow();
      assertEquals(List.of(1, 2, 3, 4), run.epochs().stream().map(EpochMetrics::epoch).toList());
      assertEquals("completed", run.status());
      assertTrue(Files.isRegularFile(Path.of(java.net.URI.create(retried.artifactUri()))
          .resolve("detector.params")));

      // Retried once more after it finished (its completion was lost): nothing is trained
      // again and no second version appears.
      TrainResult again = job.run(request, Optional.empty(), p -> { });
      assertEquals(4, again.resumedAfterEpoch());
      assertEquals(retried.version(), again.version());
      assertEquals(retried.paramsHash(), again.paramsHash());
    } finally {
      env.close();
    }
  }

  @Test
  void aDatasetVersionThatDoesNotExistFailsWithoutRetries() throws IOException {
    ModelConfig config = TrainingConfigs.tiny(dir.resolve("configs"), 1, 8);
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(new TrainActivitiesImpl(job));
      ActivityFailure failure = assertThrows(ActivityFailure.class, () ->
          env.newActivityStub(TrainActivities.class)
              .train(new TrainRequest("drive", 7, config.resolvedYaml())));
      ApplicationFailure cause = (ApplicationFailure) failure.getCause();
      assertEquals(TrainActivitiesImpl.INVALID_REQUEST, cause.getType());
      assertTrue(cause.isNonRetryable());
      assertTrue(cause.getOriginalMessage().contains("drive"), cause.getOriginalMessage());
    } finally {
      env.close();
    }
  }
}
