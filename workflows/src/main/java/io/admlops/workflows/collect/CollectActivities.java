package io.admlops.workflows.collect;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Runs on the cpu queue: brings a batch of new frames into the dataset store. */
@ActivityInterface
public interface CollectActivities {

  @ActivityMethod
  CollectResult collect(CollectRequest request);
}
