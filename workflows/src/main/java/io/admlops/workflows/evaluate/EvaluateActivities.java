package io.admlops.workflows.evaluate;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Runs on the gpu queue: evaluates a model version on a split of a dataset version, overall
 * and per slice, stores the result in the registry and compares it with a baseline.
 */
@ActivityInterface
public interface EvaluateActivities {

  @ActivityMethod
  EvaluateResult evaluate(EvaluateRequest request);
}
