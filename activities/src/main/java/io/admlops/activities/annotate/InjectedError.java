package io.admlops.activities.annotate;

/**
 * A label error the simulated vendor made on purpose.
 *
 * @param frameId the frame
 * @param kind what was done to the box
 * @param category the box's true class
 */
public record InjectedError(String frameId, Kind kind, String category) {

  /** What the vendor did wrong. */
  public enum Kind {
    /** The box is missing. */
    DROPPED,
    /** The box is moved sideways by 60 % of its width. */
    SHIFTED,
    /** The box has another class of the taxonomy. */
    WRONG_CLASS
  }
}
