package io.admlops.activities.mine;

import io.admlops.schemas.frame.SceneAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A scene condition whose rarity counts: the three attributes of a frame's scene and the
 * pairing of time of day with weather, since night in fog is rarer than either alone.
 */
public enum SceneCondition {

  /** {@code daytime}, {@code dawn/dusk} or {@code night}. */
  TIME_OF_DAY(SceneAttributes::timeOfDay, SceneAttributes.TIMES_OF_DAY),

  /** {@code clear}, {@code foggy} and the other weathers of the frame schema. */
  WEATHER(SceneAttributes::weather, SceneAttributes.WEATHERS),

  /** {@code city street}, {@code highway} and the other kinds of road. */
  SCENE_TYPE(SceneAttributes::sceneType, SceneAttributes.SCENE_TYPES),

  /** Time of day and weather together, e.g. {@code night+foggy}. */
  TIME_OF_DAY_AND_WEATHER(SceneCondition::timeAndWeather, pairs());

  /** Joins the two halves of a paired value, e.g. {@code night+foggy}. */
  static final String PAIR = "+";

  private final Function<SceneAttributes, String> value;
  private final List<String> vocabulary;

  SceneCondition(Function<SceneAttributes, String> value, List<String> vocabulary) {
    this.value = value;
    this.vocabulary = vocabulary;
  }

  /** The scene's value of this condition, or null when not known. */
  public String valueOf(SceneAttributes scene) {
    return value.apply(scene);
  }

  /** The values the frame schema names for this condition; data may hold others. */
  public List<String> vocabulary() {
    return vocabulary;
  }

  private static String timeAndWeather(SceneAttributes scene) {
    if (scene.timeOfDay() == null || scene.weather() == null) {
      return null;
    }
    return scene.timeOfDay() + PAIR + scene.weather();
  }

  private static List<String> pairs() {
    List<String> pairs = new ArrayList<>();
    for (String time : SceneAttributes.TIMES_OF_DAY) {
      for (String weather : SceneAttributes.WEATHERS) {
        pairs.add(time + PAIR + weather);
      }
    }
    return List.copyOf(pairs);
  }
}
