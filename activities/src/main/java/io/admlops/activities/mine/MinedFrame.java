package io.admlops.activities.mine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.admlops.schemas.frame.Frame;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A frame picked for labeling, with the scores it was judged by and why it was picked.
 *
 * @param frame the frame, its reasons already added to its scene tags
 * @param scores the frame's scores by name ({@link #UNCERTAINTY}, {@link #INCONSISTENCY},
 *     {@link #RARITY}, {@link #COMBINED}, {@link #DIVERSITY}), each in [0, 1]
 * @param reasons the tags of {@link MiningReasons} that explain the pick
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MinedFrame(Frame frame, Map<String, Double> scores, List<String> reasons) {

  /** Mean threshold-centered entropy of the strongest heatmap peaks. */
  public static final String UNCERTAINTY = "uncertainty";

  /** Share of the frame's tracks that pop in or drop out along its drive. */
  public static final String INCONSISTENCY = "inconsistency";

  /** Mean normalized surprisal of the frame's scene conditions in the dataset. */
  public static final String RARITY = "rarity";

  /** The weighted mean of uncertainty, inconsistency and rarity the ranking uses. */
  public static final String COMBINED = "combined";

  /**
   * Distance in embedding space to the nearest other picked frame, as a share of twice the
   * largest distance of any candidate from the candidates' mean embedding.
   */
  public static final String DIVERSITY = "diversity";

  public MinedFrame {
    scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    reasons = List.copyOf(reasons);
  }
}
