package io.admlops.workers.dashboard;

import java.util.List;
import java.util.Map;

/**
 * The frames an iteration mined for labeling, with what the production model saw in them and
 * the labels that came back.
 *
 * @param campaign the campaign
 * @param iteration the iteration
 * @param notMined why there is nothing to show yet, or null when the iteration has mined
 * @param strategy the mining strategy, e.g. {@code mined} or {@code random}
 * @param reasons how many frames were chosen for each reason
 * @param labelsAccepted whether accepted labels are drawn
 * @param labelsMissing why no labels are drawn, or null when they are
 * @param frames the mined frames, in the miner's order
 * @param problems what could not be read, each naming its file
 */
public record Gallery(String campaign, int iteration, String notMined, String strategy,
    Map<String, Integer> reasons, boolean labelsAccepted, String labelsMissing,
    List<GalleryFrame> frames, List<String> problems) {

  /** An iteration that has not mined, and why. */
  static Gallery notMined(String campaign, int iteration, String why) {
    return new Gallery(campaign, iteration, why, null, Map.of(), false,
        "nothing was sent for labeling", List.of(), List.of());
  }
}
