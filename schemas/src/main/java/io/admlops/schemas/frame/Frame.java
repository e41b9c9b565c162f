package io.admlops.schemas.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One camera frame in the unified format every importer produces and every exporter reads;
 * one line of a dataset's {@code frames.jsonl} manifest. Mirrors
 * {@code schemas/src/main/resources/json/frame.schema.json}.
 *
 * @param id unique within the dataset; importers keep the source's own id where it has one
 * @param image the image file and its size
 * @param camera the camera's projection when known (KITTI calib, nuScenes intrinsics)
 * @param objects the labeled objects; empty for an unlabeled frame
 * @param lanes lane polylines, for lane datasets
 * @param scene conditions of the frame: time of day, weather, scene type, tags
 * @param provenance where the frame came from
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Frame(
    String id,
    ImageRef image,
    CameraIntrinsics camera,
    List<FrameObject> objects,
    List<Lane> lanes,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = UnknownScene.class)
    SceneAttributes scene,
    Provenance provenance) {

  public Frame {
    objects = objects == null ? List.of() : List.copyOf(objects);
    lanes = lanes == null ? List.of() : List.copyOf(lanes);
    scene = scene == null ? SceneAttributes.UNKNOWN : scene;
  }

  /** Leaves an all-unknown scene out of the JSON, as absent means unknown on reading. */
  static final class UnknownScene {
    @Override
    public boolean equals(Object value) {
      return value == null || SceneAttributes.UNKNOWN.equals(value);
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /** The same frame with other objects. */
  public Frame withObjects(List<FrameObject> newObjects) {
    return new Frame(id, image, camera, newObjects, lanes, scene, provenance);
  }
}
