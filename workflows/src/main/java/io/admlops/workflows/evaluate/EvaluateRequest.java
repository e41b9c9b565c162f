package io.admlops.workflows.evaluate;

/**
 * What to evaluate.
 *
 * @param model the candidate: {@code name:version}, {@code name@alias} or {@code name}
 * @param dataset the dataset's name
 * @param datasetVersion the version whose split is scored
 * @param split {@code test} (the frozen split models are compared on), {@code val} or
 *     {@code train}
 * @param baseline the model to compare with, e.g. {@code centernet@production}; null for none
 * @param tolerance the largest AP change either way that counts as unchanged
 * @param iterationId the loop iteration the evaluation belongs to, or null
 */
public record EvaluateRequest(String model, String dataset, int datasetVersion, String split,
    String baseline, double tolerance, Long iterationId) {}
