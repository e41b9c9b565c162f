package io.admlops.workflows.loop;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Replays recorded loop runs against today's workflow code: a change that would break
 * campaigns running for weeks fails here instead of in production (such a change needs
 * {@code Workflow.getVersion}). The recorded workflow ids are kept because the campaign
 * derives its iterations' ids from its own.
 */
class LoopWorkflowReplayTest {

  @Test
  void replaysACampaignOfABootstrapAndTwoIterations() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history("campaign-three-iterations.json",
        CampaignHarness.ID), CampaignWorkflowImpl.class);
  }

  @Test
  void replaysAnIterationWhoseLabelsWentBackForRework() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history("iteration-with-rework.json",
        CampaignHarness.ID + "-iter-2"), IterationWorkflowImpl.class);
  }

  @Test
  void replaysAJournaledCampaignThatWasPausedAndGivenANewConfig() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history("campaign-journaled.json",
        CampaignHarness.ID), CampaignWorkflowImpl.class);
  }

  @Test
  void replaysAJournaledIterationWithReworkAndTheExportCheckBeforePromotion() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history("iteration-journaled-with-rework.json",
        CampaignHarness.ID + "-iter-2"), IterationWorkflowImpl.class);
  }

  @Test
  void replaysACampaignWhoseMemoNamesTheStageOfItsIteration() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history("campaign-listed-iterations.json",
        CampaignHarness.ID), CampaignWorkflowImpl.class);
  }

  @Test
  void replaysAnIterationWithItsOwnSearchAttributes() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history("iteration-listed.json",
        CampaignHarness.ID + "-iter-2"), IterationWorkflowImpl.class);
  }

  @Test
  void replaysACampaignCancelledWhileItsIterationWaitedForLabels() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history("campaign-cancelled.json",
        CampaignHarness.ID), CampaignWorkflowImpl.class);
    WorkflowReplayer.replayWorkflowExecution(history(
        "iteration-cancelled-waiting-for-labels.json", CampaignHarness.ID + "-iter-2"),
        IterationWorkflowImpl.class);
  }

  @Test
  void replaysAJournaledIterationWhoseTrainingFailed() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history("iteration-journaled-failed-training.json",
        CampaignHarness.ID + "-iter-2"), IterationWorkflowImpl.class);
  }

  private static WorkflowExecutionHistory history(String file, String workflowId)
      throws IOException {
    try (InputStream in = LoopWorkflowReplayTest.class
        .getResourceAsStream("/histories/" + file)) {
      return WorkflowExecutionHistory.fromJson(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), workflowId);
    }
  }
}
