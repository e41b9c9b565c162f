package io.admlops.workflows.loop;

import java.util.List;

/**
 * What a campaign carries into its next run when it continues as new.
 *
 * @param model the model name of its config
 * @param modelConfigYaml the resolved model config
 * @param iteration the last iteration started
 * @param datasetVersion the dataset's newest version
 * @param productionModel the production model, or null
 * @param bestMap the best overall mAP promoted so far, or null
 * @param labelsSpent frames sent for labeling so far
 * @param lastStartedAt when the last iteration started, epoch milliseconds; the next is due
 *     a cadence later
 * @param paused whether the campaign is paused
 * @param history every finished iteration
 * @param notes the latest notes
 */
public record CampaignState(String model, String modelConfigYaml, int iteration,
    int datasetVersion, String productionModel, Double bestMap, int labelsSpent,
    long lastStartedAt, boolean paused, List<IterationSummary> history, List<String> notes) {

  public CampaignState {
    history = history == null ? List.of() : List.copyOf(history);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }
}
