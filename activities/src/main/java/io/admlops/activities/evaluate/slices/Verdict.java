package io.admlops.activities.evaluate.slices;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a candidate model fared against the baseline on one row of a regression table. */
public enum Verdict {
  /** Better by more than the tolerance. */
  IMPROVED,
  /** Worse by more than the tolerance. */
  REGRESSED,
  /** Within the tolerance either way. */
  UNCHANGED,
  /** No ground-truth object to measure against, so neither model has a value. */
  UNMEASURED;

  /** Decides a row: a change counts only when it exceeds the tolerance. */
  static Verdict of(Double baseline, Double candidate, double tolerance) {
    if (baseline == null || candidate == null) {
      return UNMEASURED;
    }
    double delta = candidate - baseline;
    if (delta > tolerance) {
      return IMPROVED;
    }
    return delta < -tolerance ? REGRESSED : UNCHANGED;
  }

  /** The lower-case name, as tables and JSON show it. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
