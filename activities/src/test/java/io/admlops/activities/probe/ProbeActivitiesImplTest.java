package io.admlops.activities.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.store.StorageRoots;
import io.admlops.activities.store.TestDatabase;
import io.admlops.workflows.probe.ProbeInput;
import io.admlops.workflows.probe.WorkerFacts;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeActivitiesImplTest {

  @TempDir Path home;

  @Test
  void describesTheEngineDeviceStorageAndDatabaseThisWorkerReaches() {
    StorageRoots roots =
        new StorageRoots(home.resolve("datasets"), home.resolve("modelzoo")).createIfMissing();
    ProbeActivitiesImpl probe = new ProbeActivitiesImpl(
        roots, Optional.of(TestDatabase.freshRegistry()), ComputeDevice::local);

    WorkerFacts facts = probe.describeWorker(new ProbeInput("admlops-gpu"));

    assertEquals("admlops-gpu", facts.queue());
    assertTrue(facts.host().contains("(pid " + ProcessHandle.current().pid() + ")"), facts.host());
    // The PyTorch natives come from the pytorch-native-cpu jar: the engine really loads.
    assertEquals("PyTorch 2.7.1", facts.engine());
    assertTrue(facts.device().contains(" on cpu() ") || facts.device().contains(" on gpu(0) "),
        facts.device());
    assertEquals(roots.datasets().toString(), facts.datasetRoot());
    assertTrue(facts.datasetFreeBytes() > 0);
    assertTrue(facts.modelZooFreeBytes() > 0);
    assertTrue(facts.database().startsWith("PostgreSQL "), facts.database());
  }

  @Test
  void anOrchestrationOnlyWorkerSaysItHasNoDatabase() {
    StorageRoots roots =
        new StorageRoots(home.resolve("datasets"), home.resolve("modelzoo")).createIfMissing();
    ProbeActivitiesImpl probe =
        new ProbeActivitiesImpl(roots, Optional.empty(), ComputeDevice::local);

    assertEquals("none: this worker only orchestrates",
        probe.describeWorker(new ProbeInput("admlops-workflows")).database());
  }
}
