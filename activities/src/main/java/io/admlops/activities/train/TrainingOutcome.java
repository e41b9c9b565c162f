package io.admlops.activities.train;

import java.nio.file.Path;

/**
 * How a training attempt ended.
 *
 * @param last the metrics of the last epoch
 * @param parameters the final weights, in the last epoch's checkpoint
 * @param dataWaitShare the share of this attempt's training time spent waiting for batches
 * @param firstEpoch the first epoch this attempt trained (above 1 when it resumed)
 */
record TrainingOutcome(EpochMetrics last, Path parameters, double dataWaitShare,
    int firstEpoch) {}
