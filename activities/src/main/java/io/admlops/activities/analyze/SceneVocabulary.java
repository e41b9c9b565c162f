package io.admlops.activities.analyze;

import io.admlops.schemas.frame.SceneAttributes;
import java.util.List;

/**
 * The scene conditions of the frame schema and the values BDD100K labels them with, the
 * vocabulary {@link SceneAttributes} holds. A value of the
 * vocabulary without frames is a gap in the dataset's coverage.
 */
final class SceneVocabulary {

  static final String TIME_OF_DAY = "timeOfDay";
  static final String WEATHER = "weather";
  static final String SCENE_TYPE = "sceneType";
  static final String TAGS = "tags";

  /** The conditions targets may name, in the order reports list them. */
  static final List<String> CONDITIONS = List.of(TIME_OF_DAY, WEATHER, SCENE_TYPE, TAGS);

  /** Counts the frames whose condition is not given. */
  static final String UNKNOWN = "unknown";

  private SceneVocabulary() {}

  /** The vocabulary of a condition; tags are free, so they have none. */
  static List<String> values(String condition) {
    return switch (condition) {
      case TIME_OF_DAY -> SceneAttributes.TIMES_OF_DAY;
      case WEATHER -> SceneAttributes.WEATHERS;
      case SCENE_TYPE -> SceneAttributes.SCENE_TYPES;
      default -> List.of();
    };
  }
}
