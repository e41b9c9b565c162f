package io.admlops.workflows.loop;

/**
 * A labeling vendor's "batch done": the payload of the {@code annotationsReturned} signal,
 * sent by the webhook, {@code admlops annotations submit} or the Temporal UI's signal form.
 *
 * @param batchId the labeling batch the labels answer, as the labeling job named it
 * @param uri where the returned labels are: a file or folder path, or a {@code file:} URI
 * @param format {@code labelstudio}, {@code cvat}, {@code coco} or {@code kitti}
 */
public record AnnotationsReturned(String batchId, String uri, String format) {}
