package io.admlops.activities.annotate;

/**
 * Label errors the simulated vendor makes on purpose, so QA has something to catch: each
 * ground-truth box independently, with probability {@code rate}, is dropped, shifted by 60 % of
 * its width, or given another class, each as likely.
 *
 * @param rate probability per box, 0 to 1
 * @param seed the same seed makes the same errors
 */
public record LabelErrors(double rate, long seed) {

  /** A careful vendor. */
  public static final LabelErrors NONE = new LabelErrors(0, 0);

  public LabelErrors {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("label error rate must be within 0 and 1, is " + rate);
    }
  }
}
