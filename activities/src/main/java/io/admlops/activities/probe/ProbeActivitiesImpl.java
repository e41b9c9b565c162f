package io.admlops.activities.probe;

import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.StorageRoots;
import io.admlops.workflows.probe.ProbeActivities;
import io.admlops.workflows.probe.ProbeInput;
import io.admlops.workflows.probe.WorkerFacts;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a probe with what this worker process really sees: its host, the DJL engine and
 * device it would train on, the free space of its artifact roots and the PostgreSQL it
 * reaches. Nothing is cached but the engine, so a full disk or a lost database shows.
 */
public class ProbeActivitiesImpl implements ProbeActivities {

  private static final Logger log = LoggerFactory.getLogger(ProbeActivitiesImpl.class);

  private final StorageRoots roots;
  private final Optional<RegistryDatabase> registry;
  private final Supplier<ComputeDevice> device;

  /**
   * @param roots the artifact roots of this worker
   * @param registry the registry, empty on a worker that only orchestrates
   * @param device the engine and device, detected on first use
   */
  public ProbeActivitiesImpl(StorageRoots roots, Optional<RegistryDatabase> registry,
      Supplier<ComputeDevice> device) {
    this.roots = roots;
    this.registry = registry;
    this.device = device;
  }

  @Override
  public WorkerFacts describeWorker(ProbeInput input) {
    ComputeDevice compute = device.get();
    return new WorkerFacts(
        input.queue(),
        hostName() + " (pid " + ProcessHandle.current().pid() + ")",
        compute.engine() + " " + compute.engineVersion(),
        compute.describe(),
        roots.datasets().toString(),
        StorageRoots.usableBytes(roots.datasets()),
        roots.modelZoo().toString(),
        StorageRoots.usableBytes(roots.modelZoo()),
        databaseVersion());
  }

  private String databaseVersion() {
    if (registry.isEmpty()) {
      return "none: this worker only orchestrates";
    }
    try {
      return "PostgreSQL " + registry.get().serverVersion() + " at " + registry.get().target();
    } catch (RuntimeException e) {
      log.warn("probe cannot reach the registry", e);
      return "unreachable: " + registry.get().target() + ": " + e.getMessage();
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown host";
    }
  }
}
