package io.admlops.workflows.loop;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One turn of the loop, a child of its campaign with id {@code campaign-<name>-iter-<n>}:
 * collect, analyze, mine, annotate, convert, train, evaluate, deploy.
 */
@WorkflowInterface
public interface IterationWorkflow {

  @WorkflowMethod
  IterationSummary run(IterationRequest request);

  /** Labels for the batch this iteration waits for; others are ignored with a note. */
  @SignalMethod
  void annotationsReturned(AnnotationsReturned returned);

  @SignalMethod
  void approveDeployment(String note);

  @SignalMethod
  void rejectDeployment(String reason);

  /** The stage the iteration is in. */
  @QueryMethod
  String stage();
}
