package io.admlops.activities.mine;

import io.admlops.schemas.frame.SceneAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * How rare a frame's scene conditions are in the current dataset. Each known condition
 * scores its value's surprisal, {@code -log} of its smoothed share, divided by the surprisal
 * of a value never seen, so 0 means every frame has it and 1 means none does; the frame's
 * rarity is the mean over its known conditions, the time-of-day and weather pairing
 * included, so a frame rare in two ways outranks one rare in one.
 */
public final class SceneRarity {

  private final SceneDistribution dataset;
  private final double rareShare;

  /**
   * @param dataset the distribution rarity is measured against
   * @param rareShare the smoothed share below which a value is called rare in a reason tag
   */
  public SceneRarity(SceneDistribution dataset, double rareShare) {
    this.dataset = dataset;
    this.rareShare = rareShare;
  }

  /** The frame's rarity in [0, 1]; 0 when none of its conditions is known. */
  public double score(SceneAttributes scene) {
    double sum = 0;
    int known = 0;
    for (SceneCondition condition : SceneCondition.values()) {
      String value = condition.valueOf(scene);
      if (value != null) {
        double unseen = -Math.log(dataset.smallestShare(condition, value));
        sum += -Math.log(dataset.smoothedShare(condition, value)) / unseen;
        known++;
      }
    }
    return known == 0 ? 0 : sum / known;
  }

  /**
   * The frame's values whose smoothed share of the dataset is below the rare share, e.g.
   * {@code night}; the time-of-day and weather pair, e.g. {@code dawn/dusk+rainy}, only when
   * it is rare and neither half is rare on its own.
   */
  public List<String> rareValues(SceneAttributes scene) {
    List<String> rare = new ArrayList<>();
    boolean halfRare = false;
    for (SceneCondition condition : List.of(SceneCondition.TIME_OF_DAY, SceneCondition.WEATHER,
        SceneCondition.SCENE_TYPE)) {
      String value = condition.valueOf(scene);
      if (isRare(condition, value)) {
        rare.add(value);
        halfRare |= condition != SceneCondition.SCENE_TYPE;
      }
    }
    SceneCondition pair = SceneCondition.TIME_OF_DAY_AND_WEATHER;
    if (!halfRare && isRare(pair, pair.valueOf(scene))) {
      rare.add(pair.valueOf(scene));
    }
    return List.copyOf(rare);
  }

  private boolean isRare(SceneCondition condition, String value) {
    return value != null && dataset.smoothedShare(condition, value) < rareShare;
  }
}
