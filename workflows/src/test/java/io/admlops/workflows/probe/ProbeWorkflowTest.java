package io.admlops.workflows.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.workflows.PayloadConverter;
import io.admlops.workflows.TaskQueues;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProbeWorkflowTest {

  private static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(5);

  // Workers for the probed queues are added per test, so the environment starts in the test.
  @RegisterExtension
  static final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(ProbeWorkflowImpl.class)
      .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
          .setDataConverter(PayloadConverter.dataConverter()).build())
      .setDoNotStart(true)
      .build();

  @Test
  void reportsWhatTheWorkerOnEveryQueueSaysAboutItself(TestWorkflowEnvironment env,
      WorkflowOptions options) {
    serve(env, TaskQueues.CPU_QUEUE, new DescribingWorker("cpu-box"));
    serve(env, TaskQueues.GPU_QUEUE, new DescribingWorker("gpu-box"));
    env.start();

    ProbeReport report = probe(env, options, TaskQueues.CPU_QUEUE, TaskQueues.GPU_QUEUE);

    assertEquals(List.of(TaskQueues.CPU_QUEUE, TaskQueues.GPU_QUEUE),
        report.queues().stream().map(QueueHealth::queue).toList());
    assertTrue(report.queues().stream().allMatch(QueueHealth::healthy));
    assertEquals("cpu-box", report.queues().get(0).worker().host());
    assertEquals("gpu-box", report.queues().get(1).worker().host());
    assertNull(report.queues().get(1).problem());
  }

  @Test
  void reportsAQueueNobodyPollsAsMissingOnceItsTimeoutPasses(TestWorkflowEnvironment env,
      WorkflowOptions options) {
    serve(env, TaskQueues.CPU_QUEUE, new DescribingWorker("cpu-box"));
    env.start();
    long before = env.currentTimeMillis();

    ProbeReport report = probe(env, options, TaskQueues.CPU_QUEUE, TaskQueues.GPU_QUEUE);

    QueueHealth gpu = report.queues().get(1);
    assertTrue(report.queues().get(0).healthy());
    assertFalse(gpu.healthy());
    assertNull(gpu.worker());
    assertEquals("no worker picked up the probe within 5 s", gpu.problem());
    // Not before the timeout: a slow worker must get its chance. (The wall-clock bound of the
    // doctor is proven against real gRPC workers in the workers module.)
    long waited = env.currentTimeMillis() - before;
    assertTrue(waited >= QUEUE_TIMEOUT.toMillis(), "reported after " + waited + " ms");
  }

  @Test
  void reportsAWorkerThatFailsTheProbeWithItsReason(TestWorkflowEnvironment env,
      WorkflowOptions options) {
    serve(env, TaskQueues.GPU_QUEUE, (ProbeActivities) input -> {
      throw new IllegalStateException("cannot read free space under /data");
    });
    env.start();

    QueueHealth gpu = probe(env, options, TaskQueues.GPU_QUEUE).queues().get(0);

    assertFalse(gpu.healthy());
    assertTrue(gpu.problem().startsWith("worker failed the probe:"), gpu.problem());
    assertTrue(gpu.problem().contains("cannot read free space under /data"), gpu.problem());
  }

  private static void serve(TestWorkflowEnvironment env, String queue, ProbeActivities probe) {
    env.newWorker(queue).registerActivitiesImplementations(probe);
  }

  private static ProbeReport probe(TestWorkflowEnvironment env, WorkflowOptions options,
      String... queues) {
    return env.getWorkflowClient().newWorkflowStub(ProbeWorkflow.class, options)
        .probe(new ProbeRequest(List.of(queues), QUEUE_TIMEOUT));
  }

  /** Stands in for a worker process: describes a host that the test names. */
  record DescribingWorker(String host) implements ProbeActivities {
    @Override
    public WorkerFacts describeWorker(ProbeInput input) {
      return new WorkerFacts(input.queue(), host, "PyTorch 2.7.1",
          "PyTorch 2.7.1 on cpu() (no GPU visible)", "/data/datasets", 1L << 40,
          "/data/modelzoo", 1L << 40, "PostgreSQL 17.6");
    }
  }
}
