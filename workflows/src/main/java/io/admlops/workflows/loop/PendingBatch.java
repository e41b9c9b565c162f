package io.admlops.workflows.loop;

/**
 * A labeling batch the campaign is waiting for, as its status query lists it.
 *
 * @param batchId the batch's id
 * @param iteration the iteration that requested it
 * @param frames frames sent for labeling
 * @param outboxUri where the labeling job was written
 * @param requestedAt when it was sent, ISO-8601
 * @param rework how many times the returned labels were sent back for rework
 */
public record PendingBatch(String batchId, int iteration, int frames, String outboxUri,
    String requestedAt, int rework) {}
