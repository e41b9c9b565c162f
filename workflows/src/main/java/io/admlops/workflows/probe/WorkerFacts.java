package io.admlops.workflows.probe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a worker reports about itself: where it runs and what it can reach.
 *
 * @param queue the task queue it answered on
 * @param host host name and process id of the worker
 * @param engine the deep learning engine and its version, e.g. {@code PyTorch 2.7.1}
 * @param device the device training and inference run on, e.g. {@code cpu()} or {@code gpu(0)}
 * @param datasetRoot the dataset store as this worker sees it
 * @param datasetFreeBytes usable bytes under the dataset store
 * @param modelZooRoot the model zoo as this worker sees it
 * @param modelZooFreeBytes usable bytes under the model zoo
 * @param database the PostgreSQL version this worker reaches, or why it reaches none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerFacts(
    String queue,
    String host,
    String engine,
    String device,
    String datasetRoot,
    long datasetFreeBytes,
    String modelZooRoot,
    long modelZooFreeBytes,
    String database) {}
