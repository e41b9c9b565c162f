package io.admlops.workers.doctor;

import io.admlops.workflows.TaskQueues;
import io.admlops.workflows.probe.ProbeReport;
import io.admlops.workflows.probe.ProbeRequest;
import io.admlops.workflows.probe.ProbeWorkflow;
import io.admlops.workflows.probe.QueueHealth;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the probe workflow and turns every way it can go wrong into an answer per queue. A
 * missing activity worker is caught by the workflow itself (schedule-to-start timeout); a
 * missing workflow worker means the workflow never starts, which only the client can see.
 */
public final class Doctor {

  /** How long a queue may stay silent before it is reported as having no worker. */
  public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(5);

  /** Upper bound for a probe that did start: the first one on a machine unpacks PyTorch. */
  private static final Duration PROBE_LIMIT = Duration.ofMinutes(6);

  private final WorkflowClient client;

  public Doctor(WorkflowClient client) {
    this.client = client;
  }

  /** Probes every queue and reports each, in the order given. */
  public ProbeReport examine(List<TaskQueues> queues, Duration queueTimeout) {
    String workflowId = "admlops-doctor-" + UUID.randomUUID();
    ProbeWorkflow probe = client.newWorkflowStub(ProbeWorkflow.class,
        WorkflowOptions.newBuilder()
            .setTaskQueue(TaskQueues.WORKFLOWS_QUEUE)
            .setWorkflowId(workflowId)
            .setWorkflowExecutionTimeout(PROBE_LIMIT)
            .build());
    List<String> names = queues.stream().map(TaskQueues::taskQueue).toList();
    WorkflowClient.start(probe::probe, new ProbeRequest(names, queueTimeout));
    WorkflowStub run = client.newUntypedWorkflowStub(workflowId);
    try {
      // Activities time out after queueTimeout; a little more covers the workflow's own turn.
      return run.getResult(queueTimeout.toMillis() + 2_000, TimeUnit.MILLISECONDS,
          ProbeReport.class);
    } catch (TimeoutException stillRunning) {
      if (!workflowTaskStarted(workflowId)) {
        run.terminate("no workflow worker polls " + TaskQueues.WORKFLOWS_QUEUE);
        return withoutWorkflowWorker(names, queueTimeout);
      }
      return awaitSlowProbe(run);
    }
  }

  private static ProbeReport awaitSlowProbe(WorkflowStub run) {
    try {
      return run.getResult(PROBE_LIMIT.toMillis(), TimeUnit.MILLISECONDS, ProbeReport.class);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the probe did not finish in " + PROBE_LIMIT, e);
    }
  }

  private boolean workflowTaskStarted(String workflowId) {
    return client.fetchHistory(workflowId).getEvents().stream()
        .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
  }

  private static ProbeReport withoutWorkflowWorker(List<String> queues, Duration waited) {
    return new ProbeReport(queues.stream()
        .map(q -> q.equals(TaskQueues.WORKFLOWS_QUEUE)
            ? QueueHealth.failed(q, "no worker picked up the probe workflow within "
                + waited.toSeconds() + " s")
            : QueueHealth.failed(q, "not probed: the probe runs only once a workflow worker "
                + "polls " + TaskQueues.WORKFLOWS_QUEUE))
        .toList());
  }
}
