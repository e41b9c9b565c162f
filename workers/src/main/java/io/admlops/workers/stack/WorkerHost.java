package io.admlops.workers.stack;

import io.admlops.activities.collect.CollectActivitiesImpl;
import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.deploy.DeployActivitiesImpl;
import io.admlops.activities.evaluate.EvaluateActivitiesImpl;
import io.admlops.activities.evaluate.EvaluationJob;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.loop.LoopActivitiesImpl;
import io.admlops.activities.loop.LoopJournalImpl;
import io.admlops.activities.loop.MineActivitiesImpl;
import io.admlops.activities.probe.ProbeActivitiesImpl;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.StorageRoots;
import io.admlops.activities.train.TrainActivitiesImpl;
import io.admlops.activities.train.TrainingJob;
import io.admlops.workers.webhook.SimulatedVendor;
import io.admlops.workflows.TaskQueues;
import io.admlops.workflows.loop.CampaignWorkflowImpl;
import io.admlops.workflows.loop.IterationWorkflowImpl;
import io.admlops.workflows.probe.ProbeWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers of one process, one per task queue it serves, with every workflow and activity
 * of that queue registered. This is the one place where the loop's stages are wired to their
 * dependencies.
 */
public final class WorkerHost implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WorkerHost.class);

  private final WorkerFactory factory;
  private final List<TaskQueues> queues;
  private final SimulatedVendor simulatedVendor;

  private WorkerHost(WorkerFactory factory, List<TaskQueues> queues,
      SimulatedVendor simulatedVendor) {
    this.factory = factory;
    this.queues = queues;
    this.simulatedVendor = simulatedVendor;
  }

  /**
   * Registers and starts the workers.
   *
   * @param registry the registry; required when the CPU or GPU queue is served
   */
  public static WorkerHost start(WorkflowClient client, List<TaskQueues> queues,
      StorageRoots storage, Optional<RegistryDatabase> registry) {
    if (registry.isEmpty() && queues.stream().anyMatch(q -> q != TaskQueues.WORKFLOWS)) {
      throw new IllegalArgumentException("the cpu and gpu queues need the registry database");
    }
    storage.createIfMissing();
    WorkerFactory factory = WorkerFactory.newInstance(client);
    SimulatedVendor vendor = new SimulatedVendor();
    for (TaskQueues queue : queues) {
      Worker worker = factory.newWorker(queue.taskQueue());
      if (queue == TaskQueues.WORKFLOWS) {
        worker.registerWorkflowImplementationTypes(ProbeWorkflowImpl.class,
            CampaignWorkflowImpl.class, IterationWorkflowImpl.class);
      }
      if (queue == TaskQueues.CPU) {
        DatasetRegistry datasets = datasets(registry.get(), storage);
        worker.registerActivitiesImplementations(new CollectActivitiesImpl(storage),
            new LoopActivitiesImpl(registry.get().dsl(), datasets, storage.datasets(), vendor),
            new LoopJournalImpl(registry.get().dsl()),
            new DeployActivitiesImpl(registry.get().dsl(), datasets, ComputeDevice.local()));
      }
      if (queue == TaskQueues.GPU) {
        // Said at startup so the operator sees at once whether the GPU machine has its GPU.
        log.info("gpu worker computes with {}", ComputeDevice.local().describe());
        DatasetRegistry datasets = datasets(registry.get(), storage);
        worker.registerActivitiesImplementations(
            new MineActivitiesImpl(registry.get().dsl(), datasets, storage.datasets(),
                ComputeDevice.local()),
            new TrainActivitiesImpl(new TrainingJob(registry.get().dsl(), datasets,
                storage.modelZoo(), ComputeDevice.local(),
                Runtime.getRuntime().availableProcessors())),
            new EvaluateActivitiesImpl(new EvaluationJob(registry.get().dsl(), datasets,
                ComputeDevice.local())));
      }
      worker.registerActivitiesImplementations(
          new ProbeActivitiesImpl(storage, registry, ComputeDevice::local));
    }
    factory.start();
    return new WorkerHost(factory, queues, vendor);
  }

  private static DatasetRegistry datasets(RegistryDatabase registry, StorageRoots storage) {
    return new DatasetRegistry(registry, new DatasetStore(storage.datasets()));
  }

  public List<TaskQueues> queues() {
    return queues;
  }

  /**
   * The simulated labeling vendor the cpu queue's loop activities hand jobs to; it delivers
   * once it is told the webhook ({@link SimulatedVendor#deliverThrough}).
   */
  public SimulatedVendor simulatedVendor() {
    return simulatedVendor;
  }

  /** Stops polling, lets running activities finish for a few seconds, then stops. */
  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    simulatedVendor.close();
  }
}
