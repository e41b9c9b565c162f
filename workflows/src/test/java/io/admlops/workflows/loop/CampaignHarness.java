package io.admlops.workflows.loop;

import io.admlops.workflows.PayloadConverter;
import io.admlops.workflows.TaskQueues;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A campaign on Temporal's time-skipping test service, with the simulated world on both
 * activity queues, the loop journal on the cpu queue, and a vendor that answers each pending
 * batch after a delay.
 */
final class CampaignHarness implements AutoCloseable {

  static final String ID = LoopSignals.campaignWorkflowId("night");

  final TestWorkflowEnvironment env;
  final SimulatedWorld world;

  CampaignHarness(SimulatedWorld world) {
    this(world, new RecordedJournal());
  }

  CampaignHarness(SimulatedWorld world, LoopJournal journal) {
    this.world = world;
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
            .setDataConverter(PayloadConverter.dataConverter()).build())
        .build());
    env.registerSearchAttribute("CampaignName", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute("Iteration", IndexedValueType.INDEXED_VALUE_TYPE_INT);
    env.registerSearchAttribute("Stage", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute("DatasetVersion", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute("ModelVersion", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute("BestMAP", IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE);
    env.newWorker(TaskQueues.WORKFLOWS_QUEUE).registerWorkflowImplementationTypes(
        CampaignWorkflowImpl.class, IterationWorkflowImpl.class);
    env.newWorker(TaskQueues.CPU_QUEUE).registerActivitiesImplementations(world, journal);
    env.newWorker(TaskQueues.GPU_QUEUE).registerActivitiesImplementations(world);
    env.start();
  }

  /** The settings the tests vary: how many iterations, when to continue as new, approval. */
  static CampaignConfig config(int iterations, int continueAsNewEvery, boolean approval) {
    return new CampaignConfig("night", "drive", null, "configs/models/centernet-tiny.yaml",
        new CampaignConfig.Collect("generator", "configs/collect/fleet.yaml", null, 400, 100),
        new CampaignConfig.Mining("mined", 40),
        new CampaignConfig.Labeling(1000, "simulated", "P1D", "P14D", 2, null, 0),
        new CampaignConfig.Deploy(0.01, List.of("timeofday=night"), approval), null, "P7D",
        iterations, continueAsNewEvery);
  }

  void start(CampaignConfig config) {
    CampaignWorkflow campaign = client().newWorkflowStub(CampaignWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(ID)
            .setTaskQueue(TaskQueues.WORKFLOWS_QUEUE).build());
    WorkflowClient.start(campaign::run, config, null);
  }

  /** The campaign's latest run, for queries and signals. */
  CampaignWorkflow campaign() {
    return client().newWorkflowStub(CampaignWorkflow.class, ID);
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  /**
   * Lets simulated time pass in steps until the campaign closes or {@code limit} passes;
   * each batch that appears pending (again, after a rework) is answered {@code delay} later
   * with the uri {@code labels} gives it.
   */
  void runVendor(Duration delay, Function<PendingBatch, String> labels, Duration limit) {
    Set<String> answered = new HashSet<>();
    long end = env.currentTimeMillis() + limit.toMillis();
    while (open() && env.currentTimeMillis() < end) {
      for (PendingBatch batch : campaign().status().pendingBatches()) {
        if (answered.add(batch.batchId() + "/" + batch.rework())) {
          env.sleep(delay);
          campaign().annotationsReturned(
              new AnnotationsReturned(batch.batchId(), labels.apply(batch), "labelstudio"));
        }
      }
      env.sleep(Duration.ofHours(6));
    }
  }

  boolean open() {
    return status() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  /** The run id of the latest run, which continue-as-new changes. */
  String runId() {
    return describe().getExecution().getRunId();
  }

  /** The status of the latest run: after continue-as-new, the new run's. */
  WorkflowExecutionStatus status() {
    return describe().getStatus();
  }

  private WorkflowExecutionInfo describe() {
    return describe(ID);
  }

  /** What the service says about the latest run of a workflow, as the UI shows it. */
  WorkflowExecutionInfo describe(String workflowId) {
    return env.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
        DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(env.getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
            .build()).getWorkflowExecutionInfo();
  }

  @Override
  public void close() {
    env.close();
  }
}
