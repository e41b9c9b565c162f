package io.admlops.activities.mine;

/**
 * How unsure the model is about a frame, from its strongest heatmap peaks: a peak right at
 * the score threshold is a coin toss between reporting an object and not, a peak far above
 * or below it is a settled decision. Each peak's score is moved so that the threshold sits
 * at one half (its log-odds minus the threshold's), and the frame scores the mean binary
 * entropy, in bits, of its moved peaks: 1 when every peak sits on the threshold, near 0 when
 * all are clear calls.
 */
public final class PeakUncertainty {

  /** Keeps log-odds finite for scores a float rounds to exactly 0 or 1. */
  private static final double EDGE = 1e-7;

  private PeakUncertainty() {}

  /**
   * The frame's uncertainty in [0, 1]; 0 when it has no peaks.
   *
   * @param peakScores the frame's strongest peak scores, in (0, 1)
   * @param threshold the score from which a peak is reported as a detection
   */
  public static double score(float[] peakScores, double threshold) {
    if (peakScores.length == 0) {
      return 0;
    }
    double shift = logit(threshold);
    double sum = 0;
    for (float peak : peakScores) {
      double centered = 1 / (1 + Math.exp(shift - logit(peak)));
      sum += entropyBits(centered);
    }
    return sum / peakScores.length;
  }

  private static double logit(double p) {
    double clipped = Math.min(1 - EDGE, Math.max(EDGE, p));
    return Math.log(clipped / (1 - clipped));
  }

  private static double entropyBits(double p) {
    if (p <= 0 || p >= 1) {
      return 0;
    }
    return -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / Math.log(2);
  }
}
