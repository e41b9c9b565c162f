package io.admlops.workflows.loop;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * A dataset-iteration campaign, id {@code campaign-<name>}: runs iterations on its cadence or
 * on {@code runNow}, spends a labeling budget across them, and keeps the production model
 * only ever replaced by a better one. Runs for weeks; continues as new every few iterations.
 */
@WorkflowInterface
public interface CampaignWorkflow {

  /**
   * @param config the campaign's settings
   * @param carried the state of the previous run after continue-as-new; null on a start
   */
  @WorkflowMethod
  void run(CampaignConfig config, CampaignState carried);

  @SignalMethod
  void pause();

  @SignalMethod
  void resume();

  /** Starts the next iteration now instead of at its time. */
  @SignalMethod
  void runNow();

  /** Replaces the settings from the next iteration on. */
  @SignalMethod
  void updateConfig(CampaignConfig config);

  /** Lets the candidate waiting for approval become the production model. */
  @SignalMethod
  void approveDeployment(String note);

  /** Keeps production as it is; the waiting candidate is not promoted. */
  @SignalMethod
  void rejectDeployment(String reason);

  /** Labels for a pending batch; a batch the campaign does not wait for is refused. */
  @SignalMethod
  void annotationsReturned(AnnotationsReturned returned);

  /** From the campaign's own iterations. */
  @SignalMethod
  void iterationEvent(IterationEvent event);

  @QueryMethod
  CampaignStatus status();

  @QueryMethod
  List<IterationSummary> history();
}
