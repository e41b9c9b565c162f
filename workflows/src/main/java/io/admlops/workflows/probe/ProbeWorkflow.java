package io.admlops.workflows.probe;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Asks a worker on each task queue to describe itself; a queue nobody polls is reported. */
@WorkflowInterface
public interface ProbeWorkflow {

  @WorkflowMethod
  ProbeReport probe(ProbeRequest request);
}
