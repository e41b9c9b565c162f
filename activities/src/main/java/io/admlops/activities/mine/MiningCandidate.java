package io.admlops.activities.mine;

import io.admlops.schemas.frame.Frame;
import java.util.List;

/**
 * An unlabeled frame with everything selection needs to know about it.
 *
 * @param frame the frame
 * @param uncertainty the model's uncertainty about it, in [0, 1] ({@link PeakUncertainty})
 * @param inconsistency the flicker of its detections along its drive, in [0, 1]
 *     ({@link TrackFlicker})
 * @param rarity its scene conditions' rarity in the dataset, in [0, 1] ({@link SceneRarity})
 * @param rareValues its scene values that are rare in the dataset, e.g. {@code night}
 * @param embedding where the frame lies in the backbone's feature space
 */
public record MiningCandidate(Frame frame, double uncertainty, double inconsistency,
    double rarity, List<String> rareValues, float[] embedding) {

  public MiningCandidate {
    rareValues = List.copyOf(rareValues);
  }
}
