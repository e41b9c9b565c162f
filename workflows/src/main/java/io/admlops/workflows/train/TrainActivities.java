package io.admlops.workflows.train;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Runs on the gpu queue: trains a detector on a dataset version. Long-running; it heartbeats
 * {@link TrainProgress} and a retried attempt resumes from the heartbeated checkpoint.
 */
@ActivityInterface
public interface TrainActivities {

  @ActivityMethod
  TrainResult train(TrainRequest request);
}
