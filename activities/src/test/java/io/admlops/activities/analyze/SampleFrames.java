package io.admlops.activities.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.Provenance;
import io.admlops.schemas.frame.SceneAttributes;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small dataset whose every number is known: four frames (day, night and foggy, day and
 * foggy, and one without scene or objects) with cars and pedestrians of chosen sizes, an
 * occluded and a truncated object, a DontCare region and a crowd region.
 *
 * <p>Frame by frame, on 1000x500 images unless said otherwise:
 * <ul>
 *   <li>{@code day}: daytime, clear, city street, tag {@code mined:uncertainty}; a car
 *       200x100 centered at (200, 250), visible, not truncated (large); a pedestrian 20x40
 *       centered at (510, 120), occlusion 2, truncation not given (small).
 *   <li>{@code night}: night, foggy, highway; a car 40x30 centered at (20, 415), occlusion 1,
 *       truncation 0.4 (medium); a pedestrian 10x20 centered at (905, 260), occlusion not
 *       given, truncation 0.1 (small); a DontCare region.
 *   <li>{@code fog}: daytime, foggy, scene type not given, tags {@code mined:uncertainty}
 *       and {@code rain-on-lens}, an 800x600 image; a car box 100x100 at the top left whose
 *       COCO area is 900 (small), occlusion 3, truncation 0.8; a pedestrian crowd region.
 *   <li>{@code empty}: nothing known about the scene, no objects.
 * </ul>
 */
final class SampleFrames {

  private SampleFrames() {}

  static List<Frame> frames() {
    return List.of(
        frame("day", 1000, 500, new SceneAttributes("daytime", "clear", "city street",
            List.of("mined:uncertainty")),
            object("car", new Box2D(100, 200, 300, 300), 0, 0.0),
            object("pedestrian", new Box2D(500, 100, 520, 140), 2, null)),
        frame("night", 1000, 500, new SceneAttributes("night", "foggy", "highway", List.of()),
            object("car", new Box2D(0, 400, 40, 430), 1, 0.4),
            object("pedestrian", new Box2D(900, 250, 910, 270), null, 0.1),
            FrameObject.box("DontCare", new Box2D(600, 300, 700, 350))),
        frame("fog", 800, 600, new SceneAttributes("daytime", "foggy", null,
            List.of("mined:uncertainty", "rain-on-lens")),
            new FrameObject("7", "car", new Box2D(0, 0, 100, 100), null, 0.8, 3, null, false,
                false, 900.0, null, Map.of()),
            new FrameObject("8", "pedestrian", new Box2D(200, 200, 400, 400), null, null, null,
                null, true, false, null, null, Map.of())),
        frame("empty", 1000, 500, null));
  }

  /**
   * The definition the sample is checked against: cars and pedestrians as seen, cyclists
   * never; enough cars and foggy frames, too few pedestrians and night frames.
   */
  static DatasetDefinition definition() {
    return definition("minInstancesPerClass: {car: 2, pedestrian: 4}\n"
        + "minFramesPerCondition: {timeOfDay: {night: 2}, weather: {foggy: 2}}\n");
  }

  /** A definition of cars, pedestrians and cyclists with the given targets in YAML. */
  static DatasetDefinition definition(String targetsYaml) {
    return new DatasetDefinition("urban", "detection-2d", List.of("car", "pedestrian", "cyclist"),
        Map.of(), yaml(targetsYaml));
  }

  /** The sample, analyzed. */
  static DatasetAnalysis analyzed() {
    DatasetAnalysis analysis = new DatasetAnalysis();
    frames().forEach(analysis::accept);
    return analysis;
  }

  static Frame frame(String id, int width, int height, SceneAttributes scene,
      FrameObject... objects) {
    return new Frame(id, new ImageRef(id + ".png", width, height, null), null,
        List.of(objects), List.of(), scene, Provenance.of("test", id));
  }

  /** {@code count} copies of a 50x50 box of a class, for class balance checks. */
  static List<FrameObject> boxes(String category, int count) {
    List<FrameObject> objects = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      objects.add(FrameObject.box(category, new Box2D(10, 10, 60, 60)));
    }
    return objects;
  }

  private static FrameObject object(String category, Box2D box, Integer occlusion,
      Double truncation) {
    return new FrameObject(null, category, box, null, truncation, occlusion, null, false, false,
        null, null, Map.of());
  }

  private static JsonNode yaml(String text) {
    try {
      return Mappers.yaml().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
