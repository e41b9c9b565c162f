package io.admlops.workers.webhook;

import io.admlops.workflows.loop.AnnotationsReturned;
import io.admlops.workflows.loop.CampaignStatus;
import io.admlops.workflows.loop.LoopSignals;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * A stand-in campaign for tests of the webhook and the CLI: it speaks the campaign's signal
 * contract, waits for labeling batches and records every {@code annotationsReturned} it gets.
 */
@WorkflowInterface
public interface WaitingCampaignWorkflow {

  /** Waits, until cancelled, for the named batches of iteration 1. */
  @WorkflowMethod
  void run(String campaign, List<String> pendingBatchIds);

  @SignalMethod(name = LoopSignals.ANNOTATIONS_RETURNED)
  void annotationsReturned(AnnotationsReturned returned);

  @QueryMethod(name = LoopSignals.STATUS)
  CampaignStatus status();

  /** The signals received, in order. */
  @QueryMethod
  List<AnnotationsReturned> received();
}
