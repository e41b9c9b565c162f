package io.admlops.workflows.train;

import java.util.Map;

/**
 * The heartbeat of a training attempt: where it is and the checkpoint a retry resumes from.
 *
 * @param runKey the training run, the same for every attempt
 * @param epoch the epoch being trained, from 1
 * @param step optimizer steps taken
 * @param checkpointUri the last finished epoch's checkpoint; null before the first
 * @param lastMetrics the last finished epoch's loss, learning rate and validation mAP
 */
public record TrainProgress(String runKey, int epoch, long step, String checkpointUri,
    Map<String, Double> lastMetrics) {}
