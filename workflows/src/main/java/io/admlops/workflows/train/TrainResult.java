package io.admlops.workflows.train;

/**
 * A trained model version.
 *
 * @param model the model's name, from its config
 * @param version the model version registered for the trained weights
 * @param runKey the training run, derived from the config and the dataset version's content
 * @param trainingRunId the run's id in the registry, for {@code admlops run show}
 * @param paramsHash SHA-256 of the weights file
 * @param artifactUri the run's folder in the model zoo
 * @param valMap COCO AP@[.5:.95] on the validation split after the last epoch, when there
 *     was a validation split
 * @param device where it trained, e.g. {@code cpu()}
 * @param resumedAfterEpoch the epoch the final attempt resumed after; 0 when it started fresh
 */
public record TrainResult(String model, int version, String runKey, long trainingRunId,
    String paramsHash, String artifactUri, Double valMap, String device,
    int resumedAfterEpoch) {}
