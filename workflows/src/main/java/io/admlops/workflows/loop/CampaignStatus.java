package io.admlops.workflows.loop;

import java.util.List;

/**
 * What the campaign's {@code status} query answers.
 *
 * @param campaign the campaign's name
 * @param state {@code waiting} (for the next iteration's time), {@code running},
 *     {@code paused} or {@code finished}
 * @param iteration the current or last iteration, from 1; 0 before the first
 * @param stage the stage the current iteration is in, or null between iterations
 * @param datasetVersion the newest dataset version, {@code name:version}, or null
 * @param productionModel the model version the {@code production} alias names, or null
 * @param bestMap the best overall mAP a promoted model reached, or null
 * @param labelsSpent frames sent for labeling so far
 * @param labelBudget frames the campaign may send for labeling in all
 * @param pendingBatches labeling batches waiting for their labels
 * @param awaitingApproval the candidate model waiting for approveDeployment, or null
 * @param notes recent events worth a person's attention, newest last, e.g. a refused signal
 */
public record CampaignStatus(String campaign, String state, int iteration, String stage,
    String datasetVersion, String productionModel, Double bestMap, int labelsSpent,
    int labelBudget, List<PendingBatch> pendingBatches, String awaitingApproval,
    List<String> notes) {

  public CampaignStatus {
    pendingBatches = pendingBatches == null ? List.of() : List.copyOf(pendingBatches);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }
}
