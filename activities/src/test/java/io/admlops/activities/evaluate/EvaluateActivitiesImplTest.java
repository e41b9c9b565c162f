package io.admlops.activities.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import io.admlops.workflows.evaluate.EvaluateActivities;
import io.admlops.workflows.evaluate.EvaluateRequest;
import io.admlops.workflows.evaluate.EvaluateResult;
import io.admlops.workflows.train.TrainRequest;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation activity as Temporal runs it, on a model trained for the purpose. */
class EvaluateActivitiesImplTest {

  @TempDir Path dir;
  private TestActivityEnvironment env;
  private EvaluateActivities activity;

  @BeforeEach
  void trainedModel() throws Exception {
    RegistryDatabase database = TestDatabase.freshRegistry();
    DatasetRegistry datasets = new DatasetRegistry(database,
        new DatasetStore(dir.resolve("datasets")));
    datasets.importVersion("drive", null, FrameSource.of(
        GeneratedFrames.write("fleet.yaml", 31, 24, dir.resolve("incoming"))), null, null);
    new TrainingJob(database.dsl(), datasets, dir.resolve("zoo"), ComputeDevice.local(), 2)
        .run(new TrainRequest("drive", 1, TrainingConfigs.tiny(dir.resolve("configs"), 1, 8,
            "inference: {scoreThreshold: 0.001}").resolvedYaml()), Optional.empty(), p -> { });
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new EvaluateActivitiesImpl(
        new EvaluationJob(database.dsl(), datasets, ComputeDevice.local())));
    activity = env.newActivityStub(EvaluateActivities.class);
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void returnsTheStoredEvaluationWithItsSlices() {
    EvaluateResult result = activity.evaluate(
        new EvaluateRequest("tiny-test:1", "drive", 1, "train", null, 0.01, null));

    assertEquals("tiny-test:1", result.model());
    assertTrue(result.map() >= 0 && result.map() <= 1, result.toString());
    assertTrue(result.sliceMaps().keySet().stream().anyMatch(k -> k.startsWith("timeofday=")),
        result.toString());
    assertNull(result.baseline());
    assertEquals(result.evaluationId(), activity.evaluate(
        new EvaluateRequest("tiny-test:1", "drive", 1, "train", null, 0.01, null))
        .evaluationId());
  }

  @Test
  void aModelThatIsNotRegisteredFailsWithoutRetries() {
    ActivityFailure failure = assertThrows(ActivityFailure.class, () -> activity.evaluate(
        new EvaluateRequest("tiny-test:9", "drive", 1, "test", null, 0.01, null)));

    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertEquals(EvaluateActivitiesImpl.INVALID_REQUEST, cause.getType());
    assertTrue(cause.isNonRetryable());
    assertEquals("model 'tiny-test:9' is not registered", cause.getOriginalMessage());
  }
}
