package io.admlops.workflows.loop;

import io.admlops.workflows.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Each stage's queue, timeouts and retry policy. Failures a retry cannot fix (bad data, an
 * unknown model or version) are raised by the activities as these non-retryable types; all
 * else is retried with backoff, which the activities' idempotence makes safe.
 */
final class StageOptions {

  /** Failure types that no retry fixes, from the activities of every stage. */
  static final String[] NON_RETRYABLE = {"InvalidCollectRequest", "InvalidTrainRequest",
      "InvalidEvaluateRequest", "InvalidLoopRequest", "InvalidMineRequest",
      "InvalidDeployRequest"};

  private StageOptions() {}

  /** Analyze, labeling jobs, QA, import, export, promotion: minutes of CPU work. */
  static ActivityOptions cpu(Duration startToClose) {
    return options(TaskQueues.CPU_QUEUE, startToClose, null);
  }

  /** Collect, which heartbeats every 50 frames so a stuck generator is noticed. */
  static ActivityOptions collect() {
    return options(TaskQueues.CPU_QUEUE, Duration.ofHours(2), Duration.ofMinutes(2));
  }

  /** Mining and evaluation: model inference on the gpu queue. */
  static ActivityOptions gpu(Duration startToClose) {
    return options(TaskQueues.GPU_QUEUE, startToClose, null);
  }

  /**
   * Training: hours on the gpu queue; the heartbeat timeout notices a lost worker and the
   * retry resumes from the last checkpoint it heartbeated.
   */
  static ActivityOptions training() {
    return options(TaskQueues.GPU_QUEUE, Duration.ofHours(48), Duration.ofMinutes(10));
  }

  /**
   * The loop journal: a write that cannot land within a minute (its worker or the database
   * gone) is given up, so that observability never holds the loop up for long.
   */
  static ActivityOptions journal() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.CPU_QUEUE)
        .setScheduleToCloseTimeout(Duration.ofMinutes(1))
        .setStartToCloseTimeout(Duration.ofSeconds(20))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(2)
            .setMaximumInterval(Duration.ofSeconds(15))
            .setMaximumAttempts(5)
            .build())
        .build();
  }

  private static ActivityOptions options(String queue, Duration startToClose,
      Duration heartbeat) {
    ActivityOptions.Builder builder = ActivityOptions.newBuilder();
    if (heartbeat != null) {
      builder.setHeartbeatTimeout(heartbeat);
    }
    return builder
        .setTaskQueue(queue)
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(5))
            .setBackoffCoefficient(2)
            .setMaximumInterval(Duration.ofMinutes(10))
            .setMaximumAttempts(20)
            .setDoNotRetry(NON_RETRYABLE)
            .build())
        .build();
  }
}
