package io.admlops.workflows.collect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A collected batch, all paths relative to {@code $DATASET}.
 *
 * @param batchId derived from the batch's content, so a retried collect finds its own batch
 * @param manifest the unlabeled frames the loop sees ({@code collected/<batch>/frames.jsonl})
 * @param frames frames in the batch
 * @param duplicates frames left out because their image was already in the store
 * @param groundTruth the labels kept apart from the loop ({@code ground-truth/<batch>/}), or
 *     null when the source had none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CollectResult(String batchId, String manifest, int frames, int duplicates,
    String groundTruth) {}
