package io.admlops.activities.train;

import java.time.Instant;
import java.util.List;

/**
 * A training run as a person looks at it: what was trained on what, and its metrics per epoch.
 *
 * @param id the run's id in the registry
 * @param runKey the key the trainer gave the run, unique across runs
 * @param modelName the model trained
 * @param datasetVersion the dataset version trained on, as {@code name:vN}
 * @param device where it trained, e.g. {@code gpu(0)}
 * @param status {@code running}, {@code completed} or {@code failed}
 * @param seed the random seed
 * @param startedAt when the run was first begun
 * @param finishedAt when it last finished, or null while running
 * @param epochs the recorded epochs in order; loss parts in name order
 */
public record TrainingRunCurves(long id, String runKey, String modelName, String datasetVersion,
    String device, String status, long seed, Instant startedAt, Instant finishedAt,
    List<EpochMetrics> epochs) {

  public TrainingRunCurves {
    epochs = List.copyOf(epochs);
  }
}
