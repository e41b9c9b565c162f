package io.admlops.workflows.loop;

/**
 * What a campaign learns from the world when it starts, since workflow code reads no files.
 *
 * @param model the model name of its config
 * @param modelConfigYaml the model config resolved through its {@code extends} chain
 * @param datasetVersion the dataset's newest version, or 0 when the dataset has none
 * @param productionModel the version the model's {@code production} alias names, or null
 */
public record CampaignStart(String model, String modelConfigYaml, int datasetVersion,
    String productionModel) {}
