package io.admlops.workflows.deploy;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Runs on the cpu queue, where ONNX Runtime runs in serving too: writes a candidate's ONNX
 * export and checks it against the DJL network on evaluation frames. The check is the answer,
 * not an exception: a failed check comes back with its numbers for the deploy gate to report.
 */
@ActivityInterface
public interface DeployActivities {

  @ActivityMethod
  ExportCheck exportAndCheck(ExportRequest request);
}
