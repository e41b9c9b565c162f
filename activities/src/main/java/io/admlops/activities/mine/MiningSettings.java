package io.admlops.activities.mine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.admlops.schemas.UserInputException;

/**
 * How corner cases are scored and picked. The weights are relative: the combined score is
 * the weighted mean of the three frame scores.
 *
 * @param uncertaintyWeight weight of the model's uncertainty
 * @param inconsistencyWeight weight of the detections' flicker along a drive
 * @param rarityWeight weight of the scene conditions' rarity in the dataset
 * @param peaksPerFrame how many of a frame's strongest heatmap peaks its uncertainty reads
 * @param poolFactor the candidate pool is this many times the budget, the best by combined
 *     score, and the diverse selection is made within it
 * @param flickerIou the overlap from which detections in consecutive frames are one object
 * @param rareShare the smoothed dataset share below which a scene value is tagged rare
 * @param reasonShare the part of a frame's combined score a criterion must carry to be named
 *     as a reason for picking it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MiningSettings(double uncertaintyWeight, double inconsistencyWeight,
    double rarityWeight, int peaksPerFrame, double poolFactor, double flickerIou,
    double rareShare, double reasonShare) {

  /**
   * Equal weights, ten peaks, a pool three times the budget, one object from IoU 0.3, rare
   * below a tenth of the dataset, a reason from a quarter of the combined score.
   */
  public static final MiningSettings DEFAULTS =
      new MiningSettings(1, 1, 1, 10, 3, 0.3, 0.1, 0.25);

  /**
   * @throws UserInputException naming the first setting out of its range
   */
  public MiningSettings {
    atLeast("uncertaintyWeight", uncertaintyWeight, 0);
    atLeast("inconsistencyWeight", inconsistencyWeight, 0);
    atLeast("rarityWeight", rarityWeight, 0);
    if (uncertaintyWeight + inconsistencyWeight + rarityWeight <= 0) {
      throw new UserInputException("mining weights: at least one of uncertaintyWeight, "
          + "inconsistencyWeight and rarityWeight must be above 0");
    }
    atLeast("peaksPerFrame", peaksPerFrame, 1);
    atLeast("poolFactor", poolFactor, 1);
    fraction("flickerIou", flickerIou);
    fraction("rareShare", rareShare);
    fraction("reasonShare", reasonShare);
  }

  /** These settings with other weights. */
  public MiningSettings withWeights(double uncertainty, double inconsistency, double rarity) {
    return new MiningSettings(uncertainty, inconsistency, rarity, peaksPerFrame, poolFactor,
        flickerIou, rareShare, reasonShare);
  }

  /** The weighted mean of a frame's three scores, in [0, 1] when they are. */
  double combine(double uncertainty, double inconsistency, double rarity) {
    return (uncertaintyWeight * uncertainty + inconsistencyWeight * inconsistency
        + rarityWeight * rarity) / (uncertaintyWeight + inconsistencyWeight + rarityWeight);
  }

  private static void atLeast(String field, double value, double min) {
    if (!(value >= min)) {
      throw new UserInputException("mining setting " + field + " must be at least " + min
          + ", not " + value);
    }
  }

  private static void fraction(String field, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new UserInputException("mining setting " + field + " must be above 0 and at most 1,"
          + " not " + value);
    }
  }
}
