package io.admlops.activities.mine;

import io.admlops.schemas.UserInputException;
import java.util.Arrays;
import java.util.Locale;

/** How an iteration's frames are chosen for labeling. */
public enum MiningStrategy {

  /** Frames the scores rank highest, spread out over the embedding space. */
  MINED,

  /** A seeded uniform sample, the baseline mining is compared against at equal budget. */
  RANDOM;

  /** The strategy's name in configs and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The strategy a config or option names.
   *
   * @throws UserInputException when the name is neither {@code mined} nor {@code random}
   */
  public static MiningStrategy of(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> new UserInputException("mining strategy '" + id
            + "' is not known; use mined or random"));
  }
}
