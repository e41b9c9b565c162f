package io.admlops.workflows.probe;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays a recorded probe (one queue answered, one missing) against today's workflow code:
 * a change that would break running probes fails here instead of in production.
 */
class ProbeWorkflowReplayTest {

  @Test
  void replaysARecordedProbeWithOneQueueAnsweredAndOneMissing() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/probe-one-queue-missing.json", ProbeWorkflowImpl.class);
  }
}
