package io.admlops.activities.collect.generator;

import io.admlops.schemas.UserInputException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the drive-log generator drives through, from {@code configs/collect/*.yaml}: the camera,
 * the sequences' timing and ego speed, how often each condition occurs and what is on the road.
 *
 * @param imageWidth pixels
 * @param imageHeight pixels
 * @param camera the pinhole camera looking straight ahead along the road
 * @param framesPerSequence frames of one drive segment; its conditions stay the same
 * @param frameInterval seconds between frames
 * @param egoSpeed the ego vehicle's speed range, m/s; each sequence draws one speed
 * @param timeOfDay weights over {@code daytime, dawn/dusk, night}
 * @param weather weights over {@code clear, overcast, rainy, foggy}
 * @param sceneType weights over {@code city street, highway, residential}
 * @param objectsPerFrame how many labeled objects a sequence keeps around the ego vehicle
 * @param classes weights over the driving taxonomy's classes for new objects
 * @param occluderProbability the chance that a new object comes with an unlabeled occluder
 *     (pole, bush or parked van) at the roadside a few meters nearer than it
 */
public record ScenarioMix(int imageWidth, int imageHeight, Camera camera, int framesPerSequence,
    double frameInterval, Range egoSpeed, Weights timeOfDay, Weights weather,
    Weights sceneType, Range objectsPerFrame, Weights classes, double occluderProbability) {

  /** The classes the generator draws: the driving taxonomy of configs/datasets/driving-2d. */
  public static final List<String> CLASSES = List.of("car", "truck", "bus", "pedestrian",
      "cyclist", "motorcycle", "traffic_light", "traffic_sign");

  /** The weathers the generator renders, a subset of the schema's vocabulary. */
  public static final List<String> RENDERED_WEATHERS =
      List.of("clear", "overcast", "rainy", "foggy");

  /** The scene types the generator lays roads out for, a subset of the schema's vocabulary. */
  public static final List<String> RENDERED_SCENE_TYPES =
      List.of("city street", "highway", "residential");

  /**
   * Reads and checks a mix file.
   *
   * @throws UserInputException naming the file and the field at fault
   */
  public static ScenarioMix load(Path file) {
    return new ScenarioMixReader(file).read();
  }

  /**
   * A pinhole camera without pitch or roll, so the horizon is the principal point's row.
   *
   * @param focalLength pixels
   * @param principalX pixels from the left
   * @param principalY pixels from the top
   * @param height of the camera above the road, m
   */
  public record Camera(double focalLength, double principalX, double principalY,
      double height) {}

  /**
   * A closed range of numbers.
   *
   * @param min the smallest value
   * @param max the largest value, not below {@code min}
   */
  public record Range(double min, double max) {}
}
