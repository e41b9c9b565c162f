package io.admlops.activities.collect.generator;

import io.admlops.schemas.frame.SceneAttributes;
import java.util.List;
import java.util.Random;

/**
 * Draws a sequence's conditions from the mix's weights. It always uses exactly three draws,
 * so two mixes that differ only in their condition weights lay out the same traffic for the
 * same seed, which lets a test compare a foggy drive with the same drive in clear weather.
 */
public final class ConditionSampler {

  private final ScenarioMix mix;

  public ConditionSampler(ScenarioMix mix) {
    this.mix = mix;
  }

  /** The time of day, weather and scene type of one sequence. */
  public SceneAttributes sample(Random random) {
    String timeOfDay = mix.timeOfDay().pick(random);
    String weather = mix.weather().pick(random);
    String sceneType = mix.sceneType().pick(random);
    return new SceneAttributes(timeOfDay, weather, sceneType, List.of());
  }
}
