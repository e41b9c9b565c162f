package io.admlops.activities.evaluate.slices;

import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.SceneAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A hand-made test split whose every slice's AP is known, and the detections of two models on
 * it. On 1000x1000 images, large cars (200x200) and small pedestrians (20x20):
 * <ul>
 *   <li>{@code d1}: daytime, clear, city street, tag {@code mined:uncertainty}; a car and a
 *       pedestrian.
 *   <li>{@code d2}: daytime, foggy, highway; a car.
 *   <li>{@code n1}: night, foggy, city street, tag {@code mined:uncertainty}; a car and a
 *       pedestrian.
 *   <li>{@code n2}: night, clear, scene type not known; a car and a DontCare region.
 *   <li>{@code u1}: nothing known but the weather, clear; no objects.
 * </ul>
 */
final class FrozenSplit {

  static final Box2D CAR = new Box2D(100, 100, 300, 300);
  static final Box2D PEDESTRIAN = new Box2D(500, 500, 520, 520);

  /**
   * Found where precision is 1 all the way, up to recall 1: every detection is a hit. COCO
   * divides by the hits plus numpy's spacing(1), hence not exactly 1.
   */
  static final double ALL_FOUND = 1 / (1 + Math.ulp(1.0));

  /** Half of the objects found without a false positive: 51 of 101 recall points at 1. */
  static final double HALF_FOUND = 51.0 / 101 * ALL_FOUND;

  private FrozenSplit() {}

  static List<Frame> frames() {
    return List.of(
        frame("d1", new SceneAttributes("daytime", "clear", "city street",
            List.of("mined:uncertainty")), car(), pedestrian()),
        frame("d2", new SceneAttributes("daytime", "foggy", "highway", List.of()), car()),
        frame("n1", new SceneAttributes("night", "foggy", "city street",
            List.of("mined:uncertainty")), car(), pedestrian()),
        frame("n2", new SceneAttributes("night", "clear", null, List.of()), car(),
            FrameObject.box("DontCare", new Box2D(600, 600, 700, 700))),
        frame("u1", new SceneAttributes(null, "clear", null, List.of())));
  }

  /** The production model: every object of the daytime frames exactly, nothing at night. */
  static List<Detection> dayOnlyDetections() {
    return exact(f -> f.id().startsWith("d"), o -> true);
  }

  /** A candidate: every car exactly, on every frame, and no pedestrian at all. */
  static List<Detection> carsOnlyDetections() {
    return exact(f -> true, o -> o.category().equals("car"));
  }

  /** The chosen labeled objects of the chosen frames, as detections with a score of 0.9. */
  static List<Detection> exact(Predicate<Frame> frames, Predicate<FrameObject> objects) {
    List<Detection> detections = new ArrayList<>();
    for (Frame frame : frames()) {
      if (frames.test(frame)) {
        frame.objects().stream().filter(o -> !o.category().equals("DontCare"))
            .filter(objects)
            .forEach(o -> detections.add(Detection.of(frame.id(), o.category(), o.box(), 0.9)));
      }
    }
    return detections;
  }

  static Frame frame(String id, SceneAttributes scene, FrameObject... objects) {
    return new Frame(id, new ImageRef(id + ".png", 1000, 1000, null), null, List.of(objects),
        null, scene, null);
  }

  private static FrameObject car() {
    return FrameObject.box("car", CAR);
  }

  private static FrameObject pedestrian() {
    return FrameObject.box("pedestrian", PEDESTRIAN);
  }
}
