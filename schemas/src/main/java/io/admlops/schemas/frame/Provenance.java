package io.admlops.schemas.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a frame came from.
 *
 * @param source the source dataset or collector, e.g. {@code kitti}, {@code coco}, {@code fleet}
 * @param originalId the frame's id in the source (file stem, image id, sample token)
 * @param sequenceId the drive or scene the frame belongs to, for sequences
 * @param frameIndex the frame's position in its sequence
 * @param iteration the loop iteration that added it, when it came through the loop
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(String source, String originalId, String sequenceId, Integer frameIndex,
    Integer iteration) {

  public static Provenance of(String source, String originalId) {
    return new Provenance(source, originalId, null, null, null);
  }
}
