package io.admlops.schemas.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One labeled (or predicted) object of a frame.
 *
 * @param id the source's annotation id where it has one (COCO), else null
 * @param category a class of the dataset's taxonomy ({@code DontCare} for KITTI's ignore regions)
 * @param box the 2D box in pixels
 * @param box3d the 3D box in camera coordinates, when known
 * @param truncation fraction of the object outside the image, 0 to 1; sources that only flag
 *     truncation (VOC, BDD100K) give 1 for truncated and 0 for not
 * @param occlusion KITTI's code: 0 fully visible, 1 partly occluded, 2 largely occluded,
 *     3 unknown
 * @param trackId the object's identity across frames of a sequence
 * @param crowd a region of many instances (COCO {@code iscrowd})
 * @param difficult hard to recognize (VOC {@code difficult})
 * @param area the source's area of the object in pixels (COCO's segmentation area), when given
 * @param score the confidence of a prediction; null for labels
 * @param attributes free attributes from the source, e.g. VOC's pose or nuScenes' attributes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FrameObject(
    String id,
    String category,
    Box2D box,
    Box3D box3d,
    Double truncation,
    Integer occlusion,
    String trackId,
    boolean crowd,
    boolean difficult,
    Double area,
    Double score,
    Map<String, String> attributes) {

  public FrameObject {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** A labeled 2D box with nothing else known. */
  public static FrameObject box(String category, Box2D box) {
    return new FrameObject(null, category, box, null, null, null, null, false, false, null,
        null, Map.of());
  }

  /** The same object with another category, as a taxonomy mapping renames it. */
  public FrameObject withCategory(String newCategory) {
    return new FrameObject(id, newCategory, box, box3d, truncation, occlusion, trackId, crowd,
        difficult, area, score, attributes);
  }
}
