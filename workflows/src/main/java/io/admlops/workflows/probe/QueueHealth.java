package io.admlops.workflows.probe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The outcome of probing one task queue.
 *
 * @param queue the task queue name
 * @param healthy whether a worker answered
 * @param worker what the worker reported; null when none answered
 * @param problem why the queue is unhealthy; null when healthy
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QueueHealth(String queue, boolean healthy, WorkerFacts worker, String problem) {

  public static QueueHealth answered(WorkerFacts worker) {
    return new QueueHealth(worker.queue(), true, worker, null);
  }

  public static QueueHealth failed(String queue, String problem) {
    return new QueueHealth(queue, false, null, problem);
  }
}
