package io.admlops.activities.annotate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What QA decided about returned labels, and why. Written as JSON for the record and the
 * dashboard; {@link #summary()} is the few lines a person reads first.
 *
 * @param batchId the labeling batch
 * @param format the format the labels came in
 * @param source the returned file or folder
 * @param decision accept the labels, or send them back
 * @param reasons why the labels go back; empty when accepted
 * @param requestedFrames frames sent for labeling
 * @param labeledFrames requested frames that came back labeled
 * @param labels boxes in the labeled frames
 * @param missingFrames requested frames that came back without labels
 * @param unexpectedFrames labels for images the job does not have
 * @param errors problems that make labels invalid
 * @param warnings problems worth a look that do not
 * @param problems every problem, {@code location: severity: message}
 * @param problemsNotListed problems counted beyond those listed
 * @param flaggedFrames frames that disagree strongly with their pre-annotations
 * @param flaggedShare flagged frames over labeled frames
 * @param policy the limits applied
 */
public record QaReport(String batchId, String format, String source, Decision decision,
    List<String> reasons, int requestedFrames, int labeledFrames, int labels,
    List<String> missingFrames, List<UnexpectedFrame> unexpectedFrames, long errors,
    long warnings, List<String> problems, long problemsNotListed,
    List<FrameAgreement> flaggedFrames, double flaggedShare, QaPolicy policy) {

  /** Reasons a summary shows before pointing at the JSON report. */
  private static final int SUMMARY_REASONS = 10;

  /** What becomes of returned labels. */
  public enum Decision {
    /** The labels go into the next dataset version. */
    ACCEPT,
    /** The labels go back to the vendor with the reasons; the wait repeats. */
    REWORK
  }

  public QaReport {
    reasons = List.copyOf(reasons);
    missingFrames = List.copyOf(missingFrames);
    unexpectedFrames = List.copyOf(unexpectedFrames);
    problems = List.copyOf(problems);
    flaggedFrames = List.copyOf(flaggedFrames);
  }

  public boolean accepted() {
    return decision == Decision.ACCEPT;
  }

  /** Writes the report as JSON. */
  public void writeJson(Path file) throws IOException {
    OutboxJson.write(this, file);
  }

  /** A few lines: the decision, the counts, the first reasons. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append("Labeling batch ").append(batchId).append(" (").append(format).append(", ")
        .append(source).append("): ").append(decision).append('\n');
    s.append("  ").append(requestedFrames).append(" frames requested, ").append(labeledFrames)
        .append(" labeled with ").append(labels).append(" boxes, ").append(missingFrames.size())
        .append(" missing, ").append(unexpectedFrames.size()).append(" unexpected\n");
    s.append("  ").append(errors).append(errors == 1 ? " error, " : " errors, ")
        .append(warnings).append(warnings == 1 ? " warning; " : " warnings; ")
        .append(flaggedFrames.size()).append(" of ").append(labeledFrames)
        .append(" frames disagree strongly with the pre-annotations (")
        .append(percent(flaggedShare)).append(", at most ")
        .append(percent(policy.maxFlaggedShare())).append(" allowed)\n");
    if (!reasons.isEmpty()) {
      s.append("Reasons:\n");
      reasons.stream().limit(SUMMARY_REASONS).forEach(r -> s.append("  - ").append(r)
          .append('\n'));
      if (reasons.size() > SUMMARY_REASONS) {
        s.append("  ... and ").append(reasons.size() - SUMMARY_REASONS)
            .append(" more in the JSON report\n");
      }
    }
    return s.toString();
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }
}
