package io.admlops.workers.webhook;

import io.admlops.workflows.loop.AnnotationsReturned;
import io.admlops.workflows.loop.CampaignStatus;
import io.admlops.workflows.loop.PendingBatch;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/** Pends its batches until their labels come; a batch's labels end its wait. */
public class WaitingCampaignWorkflowImpl implements WaitingCampaignWorkflow {

  static final int FRAMES_PER_BATCH = 40;

  private final List<AnnotationsReturned> received = new ArrayList<>();
  private final List<PendingBatch> pending = new ArrayList<>();
  private String campaign;

  @Override
  public void run(String campaign, List<String> pendingBatchIds) {
    this.campaign = campaign;
    for (String batchId : pendingBatchIds) {
      pending.add(new PendingBatch(batchId, 1, FRAMES_PER_BATCH,
          "file:///outbox/" + batchId + "/", "2025-03-03T09:00:00Z", 0));
    }
    Workflow.await(() -> false);
  }

  @Override
  public void annotationsReturned(AnnotationsReturned returned) {
    received.add(returned);
    pending.removeIf(batch -> batch.batchId().equals(returned.batchId()));
  }

  @Override
  public CampaignStatus status() {
    return new CampaignStatus(campaign, "running", 1, "annotate", null, null, null,
        FRAMES_PER_BATCH * pending.size(), 1000, pending, null, List.of());
  }

  @Override
  public List<AnnotationsReturned> received() {
    return received;
  }
}
