package io.admlops.activities.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one epoch of a training run measured.
 *
 * @param epoch the epoch's number, from 0 or 1 as the trainer counts
 * @param step optimizer steps taken since the run began, at the epoch's end
 * @param loss the epoch's mean total loss
 * @param lossParts the total's terms by name, e.g. {@code heatmap}, {@code size},
 *     {@code offset}; empty when the loss has no parts
 * @param learningRate the learning rate at the epoch's end
 * @param imagesPerSecond training throughput, or null when not measured
 * @param valMap mAP on the validation split, or null when the epoch was not validated
 * @param checkpointUri the checkpoint written after the epoch, or null
 */
public record EpochMetrics(int epoch, long step, double loss, Map<String, Double> lossParts,
    double learningRate, Double imagesPerSecond, Double valMap, String checkpointUri) {

  public EpochMetrics {
    lossParts = lossParts == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(lossParts));
  }
}
