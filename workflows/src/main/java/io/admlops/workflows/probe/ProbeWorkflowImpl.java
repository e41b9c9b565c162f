package io.admlops.workflows.probe;

import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Sends one probe activity to every requested queue at once. The schedule-to-start timeout is
 * what turns "nobody polls this queue" into a prompt answer instead of a wait forever.
 */
public class ProbeWorkflowImpl implements ProbeWorkflow {

  private static final Logger log = Workflow.getLogger(ProbeWorkflowImpl.class);

  /** Generous: the first probe on a fresh machine unpacks the PyTorch natives. */
  private static final Duration PROBE_RUN_LIMIT = Duration.ofMinutes(5);

  @Override
  public ProbeReport probe(ProbeRequest request) {
    List<Promise<WorkerFacts>> answers = new ArrayList<>();
    for (String queue : request.queues()) {
      // One stub per queue: the queues to probe are data of the request, not fixed fields.
      ProbeActivities onQueue = Workflow.newActivityStub(ProbeActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(queue)
              .setScheduleToStartTimeout(request.queueTimeout())
              .setStartToCloseTimeout(PROBE_RUN_LIMIT)
              // A probe answers about now; a retry would only hide a missing worker.
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
              .build());
      answers.add(Async.function(onQueue::describeWorker, new ProbeInput(queue)));
    }
    List<QueueHealth> health = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      health.add(outcome(request.queues().get(i), answers.get(i), request.queueTimeout()));
    }
    log.info("probed {} queues, {} healthy", health.size(),
        health.stream().filter(QueueHealth::healthy).count());
    return new ProbeReport(health);
  }

  private static QueueHealth outcome(String queue, Promise<WorkerFacts> answer, Duration wait) {
    try {
      return QueueHealth.answered(answer.get());
    } catch (ActivityFailure failure) {
      if (failure.getCause() instanceof TimeoutFailure timeout
          && timeout.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START) {
        return QueueHealth.failed(queue,
            "no worker picked up the probe within " + wait.toSeconds() + " s");
      }
      Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
      return QueueHealth.failed(queue, "worker failed the probe: " + cause.getMessage());
    }
  }
}
