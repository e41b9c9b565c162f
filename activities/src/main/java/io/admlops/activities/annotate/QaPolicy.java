package io.admlops.activities.annotate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.admlops.schemas.UserInputException;

/**
 * How strictly returned labels are judged against the pre-annotations. A frame is flagged
 * when too many of its confident pre-annotations have no label of the same class at IoU
 * {@code matchIou} or more (a vendor that skipped objects), or too many of its labels have no
 * such pre-annotation; a batch goes back for rework when too many of its frames are flagged.
 * Every share is a fraction from 0 to 1.
 *
 * @param confidentScore pre-annotations scoring at least this count as confident
 * @param matchIou the IoU from which a label and a pre-annotation of its class match
 * @param maxUnlabeledShare a frame is flagged above this share of confident pre-annotations
 *     without a label
 * @param maxUnpredictedShare a frame is flagged above this share of labels without a
 *     confident pre-annotation; 1 turns this side off, for a model known to miss a lot
 * @param maxFlaggedShare the batch is sent back above this share of flagged frames
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QaPolicy(double confidentScore, double matchIou, double maxUnlabeledShare,
    double maxUnpredictedShare, double maxFlaggedShare) {

  /** Confident at 0.5, matched at IoU 0.5, half a frame wrong flags it, a fifth flagged fails. */
  public static final QaPolicy DEFAULTS = new QaPolicy(0.5, 0.5, 0.5, 0.5, 0.2);

  /**
   * @throws UserInputException naming the field that is not a fraction
   */
  public QaPolicy {
    fraction("confidentScore", confidentScore);
    fraction("matchIou", matchIou);
    fraction("maxUnlabeledShare", maxUnlabeledShare);
    fraction("maxUnpredictedShare", maxUnpredictedShare);
    fraction("maxFlaggedShare", maxFlaggedShare);
  }

  private static void fraction(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new UserInputException("QA policy: " + field + " must be within 0 and 1, is "
          + value);
    }
  }
}
