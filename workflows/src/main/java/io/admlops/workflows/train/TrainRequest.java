package io.admlops.workflows.train;

/**
 * What to train.
 *
 * @param dataset the dataset's name in the registry
 * @param datasetVersion the version whose train split is learned and val split scored
 * @param modelConfigYaml the model config after its {@code extends} chain was resolved
 *     ({@code ModelConfig.resolvedYaml()}), so the request alone says what is trained
 */
public record TrainRequest(String dataset, int datasetVersion, String modelConfigYaml) {}
