package io.admlops.activities.export;

/**
 * Why a detection that only one runtime kept can still come from the same network: the
 * decoder's decision about it hung on a comparison that head outputs agreeing within
 * {@link ParityReport#OUTPUT_TOLERANCE} can tip either way. A barely trained network has a
 * flat heatmap full of such comparisons, so its two runtimes disagree on a few of them although
 * every head agrees.
 */
public enum NearTie {

  /** Its score is within the tolerance of the score threshold. */
  THRESHOLD("threshold"),
  /**
   * Its cell leads another cell of its peak window by no more than twice the tolerance, and in
   * the other runtime a neighbour is higher: the peak moved.
   */
  PEAK("peak"),
  /**
   * The other runtime's list is full, and its score does not beat the lowest score kept there
   * by more than twice the tolerance.
   */
  CUT_OFF("cut-off");

  private final String label;

  NearTie(String label) {
    this.label = label;
  }

  /** How reports name it, e.g. {@code cut-off}. */
  public String label() {
    return label;
  }
}
