package io.admlops.activities.annotate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.admlops.schemas.frame.FrameObject;
import java.util.List;

/**
 * A frame of a labeling job, as {@code job.json} lists it.
 *
 * @param id the frame's id in the loop; returned labels are keyed by it
 * @param image the image's file name in the job's {@code images/} folder
 * @param width pixels
 * @param height pixels
 * @param sha256 hex SHA-256 of the image bytes
 * @param preAnnotations the production model's boxes sent with the frame, in pixels, with
 *     their scores; what QA compares the returned labels with
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobFrame(String id, String image, int width, int height, String sha256,
    List<FrameObject> preAnnotations) {

  public JobFrame {
    preAnnotations = preAnnotations == null ? List.of() : List.copyOf(preAnnotations);
  }
}
