package io.admlops.workflows.loop;

/**
 * What a campaign asks one iteration to do.
 *
 * @param campaignWorkflowId the parent, told of the iteration's progress
 * @param iteration the iteration, from 1
 * @param config the campaign's config, defaults applied
 * @param modelConfigYaml the resolved model config every iteration trains
 * @param datasetVersion the dataset's newest version when the iteration starts
 * @param productionModel the production model, or null before the first promotion
 * @param labelBudgetLeft frames the campaign may still send for labeling
 * @param bootstrap train and promote a first model on the current version, without
 *     collecting or labeling, because there is no production model to mine with
 */
public record IterationRequest(String campaignWorkflowId, int iteration, CampaignConfig config,
    String modelConfigYaml, int datasetVersion, String productionModel, int labelBudgetLeft,
    boolean bootstrap) {}
