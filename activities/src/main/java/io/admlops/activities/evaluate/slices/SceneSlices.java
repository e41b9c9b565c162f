package io.admlops.activities.evaluate.slices;

import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.SceneAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Splits frames by the conditions they were taken in: one slice per time of day, weather and
 * scene type that occurs, and one per tag. A frame whose condition is not known belongs to no
 * slice of it; a frame with several tags belongs to each tag's slice.
 */
public final class SceneSlices {

  private SceneSlices() {}

  /**
   * The frames of each slice in their given order; slices by time of day, then weather, scene
   * type and tag, each by key.
   */
  public static Map<String, List<Frame>> of(List<Frame> frames) {
    Map<String, List<Frame>> slices = new LinkedHashMap<>();
    slices.putAll(byValue(frames, SliceKey.TIME_OF_DAY, s -> Stream.ofNullable(s.timeOfDay())));
    slices.putAll(byValue(frames, SliceKey.WEATHER, s -> Stream.ofNullable(s.weather())));
    slices.putAll(byValue(frames, SliceKey.SCENE, s -> Stream.ofNullable(s.sceneType())));
    slices.putAll(byValue(frames, SliceKey.TAG, s -> s.tags().stream()));
    return slices;
  }

  private static Map<String, List<Frame>> byValue(List<Frame> frames, String dimension,
      Function<SceneAttributes, Stream<String>> values) {
    Map<String, List<Frame>> slices = new TreeMap<>();
    for (Frame frame : frames) {
      // A frame is in a slice once even if two of its tags name the same key.
      values.apply(frame.scene()).map(v -> SliceKey.of(dimension, v))
          .filter(key -> key != null).distinct()
          .forEach(key -> slices.computeIfAbsent(key, k -> new ArrayList<>()).add(frame));
    }
    return slices;
  }
}
