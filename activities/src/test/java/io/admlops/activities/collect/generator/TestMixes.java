package io.admlops.activities.collect.generator;

import io.admlops.activities.collect.generator.ScenarioMix.Camera;
import io.admlops.activities.collect.generator.ScenarioMix.Range;
import java.util.ArrayList;
import java.util.List;

/** Mixes for tests: the shipped fleet's traffic under one fixed condition. */
final class TestMixes {

  private TestMixes() {}

  static ScenarioMix only(String timeOfDay, String weather, String sceneType) {
    return new ScenarioMix(384, 128, new Camera(220, 192, 64, 1.6), 20, 0.1, new Range(6, 25),
        one(io.admlops.schemas.frame.SceneAttributes.TIMES_OF_DAY, timeOfDay),
        one(ScenarioMix.RENDERED_WEATHERS, weather),
        one(ScenarioMix.RENDERED_SCENE_TYPES, sceneType), new Range(3, 10),
        new Weights(ScenarioMix.CLASSES, List.of(50.0, 6.0, 2.0, 16.0, 6.0, 2.0, 8.0, 10.0)),
        0.3);
  }

  /** All weight on one value; the others stay listed, so the draws are the same. */
  private static Weights one(List<String> names, String chosen) {
    List<Double> values = new ArrayList<>();
    for (String name : names) {
      values.add(name.equals(chosen) ? 1.0 : 0.0);
    }
    return new Weights(names, values);
  }
}
