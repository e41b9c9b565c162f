package io.admlops.activities.annotate;

import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import java.util.List;
import java.util.Map;

/**
 * What a labeling job is written from.
 *
 * @param batchId the labeling batch's id: letters, digits, '.', '_' and '-'; the outbox
 *     folder's name
 * @param frames the frames to label, images by absolute path, in the order annotators see them
 * @param preAnnotations frame id to the production model's boxes for it, each with its score;
 *     frames without an entry are sent without pre-annotations
 * @param standard the dataset's annotation standard
 * @param model the model version that drew the pre-annotations, e.g. {@code driving:3}, or null
 * @param createdFrom what the job comes from, recorded in {@code job.json} (iteration,
 *     collected batch, selection strategy, a timestamp if the caller wants one)
 * @param imageBaseUrl what precedes an image's file name in Label Studio's {@code data.image}:
 *     e.g. {@code /data/local-files/?d=outbox/<batch>/images/} for Label Studio's local file
 *     storage; null for {@code images/}
 */
public record LabelingJobRequest(String batchId, List<Frame> frames,
    Map<String, List<FrameObject>> preAnnotations, AnnotationStandard standard, String model,
    Map<String, String> createdFrom, String imageBaseUrl) {

  public LabelingJobRequest {
    frames = List.copyOf(frames);
    preAnnotations = preAnnotations == null ? Map.of() : Map.copyOf(preAnnotations);
    createdFrom = createdFrom == null ? Map.of() : Map.copyOf(createdFrom);
  }

  /** The prefix of {@code data.image}. */
  String imagePrefix() {
    return imageBaseUrl == null ? LabelingJob.IMAGES + "/" : imageBaseUrl;
  }
}
