package io.admlops.workflows.loop;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Runs on the gpu queue: runs the production model over new frames to choose corner cases. */
@ActivityInterface
public interface MineActivities {

  @ActivityMethod
  MineResult mine(MineRequest request);
}
