package io.admlops.activities.train;

import io.admlops.schemas.UserInputException;
import io.admlops.workflows.train.TrainActivities;
import io.admlops.workflows.train.TrainProgress;
import io.admlops.workflows.train.TrainRequest;
import io.admlops.workflows.train.TrainResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The training activity on the gpu queue. It heartbeats {@link TrainProgress} after every
 * step, so a lost worker is noticed within the heartbeat timeout, and a retried attempt
 * resumes from the checkpoint its predecessor last heartbeated instead of starting over. A
 * request no retry can fix (a bad config, an unknown or empty dataset version) fails as
 * {@value #INVALID_REQUEST} without retries.
 */
public class TrainActivitiesImpl implements TrainActivities {

  /** The failure type of a request that cannot succeed however often it is retried. */
  public static final String INVALID_REQUEST = "InvalidTrainRequest";

  /** How often a request waiting for the trainer tells the server it is still alive. */
  private static final long WAIT_HEARTBEAT_SECONDS = 10;

  private final TrainingJob job;
  /**
   * One training at a time per process: the engine allows one gradient recording at once,
   * and two runs would only halve each other's speed on the same device.
   */
  private final ReentrantLock trainer = new ReentrantLock();

  public TrainActivitiesImpl(TrainingJob job) {
    this.job = job;
  }

  @Override
  public TrainResult train(TrainRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    Optional<TrainProgress> previous = context.getHeartbeatDetails(TrainProgress.class);
    try {
      while (!trainer.tryLock(WAIT_HEARTBEAT_SECONDS, TimeUnit.SECONDS)) {
        // Repeating the previous attempt's details keeps its checkpoint for the next retry.
        context.heartbeat(previous.orElse(null));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the trainer", e);
    }
    try {
      return job.run(request, previous, context::heartbeat);
    } catch (UserInputException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_REQUEST);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      trainer.unlock();
    }
  }
}
