package io.admlops.workflows.loop;

/**
 * A labeling job sent out.
 *
 * @param batchId the batch's id, derived from its frames, the same for every retry
 * @param outboxUri the job's folder in the outbox
 * @param frames frames in the job
 * @param minedManifest the mined frames with their pre-annotations, relative to the store
 */
public record LabelingBatch(String batchId, String outboxUri, int frames,
    String minedManifest) {}
