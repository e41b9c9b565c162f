package io.admlops.workflows.probe;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Registered by every worker on every queue it polls, so each queue can be probed. */
@ActivityInterface
public interface ProbeActivities {

  @ActivityMethod
  WorkerFacts describeWorker(ProbeInput input);
}
