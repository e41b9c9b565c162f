package io.admlops.activities.annotate;

import io.admlops.activities.formats.Problem;
import io.admlops.schemas.frame.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides whether returned labels are accepted or go back for rework. Errors in the returned
 * files (unreadable entries, classes outside the taxonomy, boxes outside the image or of no
 * size: what the readers report, at their locations) and requested frames without labels
 * send them back. So does strong disagreement with the pre-annotations in more than the
 * policy's share of frames; below that share the flagged frames are listed but accepted, since
 * a model that needs new labels is expected to be wrong somewhere. Labels for images the job
 * does not have, and warnings, are listed and do not decide.
 */
public final class AnnotationQa {

  private final QaPolicy policy;

  public AnnotationQa(QaPolicy policy) {
    this.policy = policy;
  }

  /** Judges the labels read for a job. */
  public QaReport check(ReturnedLabels returned) {
    List<String> reasons = new ArrayList<>();
    for (Problem p : returned.problems().problems()) {
      if (p.severity() == Problem.Severity.ERROR) {
        reasons.add(p.toString());
      }
    }
    long errorsNotListed = returned.problems().errorCount() - reasons.size();
    if (errorsNotListed > 0) {
      reasons.add(errorsNotListed + " more errors not listed");
    }
    List<String> missing = returned.missingIds();
    if (!missing.isEmpty()) {
      reasons.add(missing.size() + " of " + returned.job().frames().size()
          + " requested frames have no labels: " + String.join(", ", missing));
    }
    PreAnnotationAgreement agreement = new PreAnnotationAgreement(policy);
    List<FrameAgreement> flagged = new ArrayList<>();
    int labels = 0;
    for (JobFrame requested : returned.job().frames()) {
      Frame labeled = returned.frames().get(requested.id());
      if (labeled != null) {
        labels += labeled.objects().size();
        FrameAgreement a = agreement.of(requested.id(), requested.preAnnotations(),
            labeled.objects());
        if (a.flagged()) {
          flagged.add(a);
        }
      }
    }
    int labeledFrames = returned.frames().size();
    double flaggedShare = labeledFrames == 0 ? 0 : (double) flagged.size() / labeledFrames;
    if (flaggedShare > policy.maxFlaggedShare()) {
      reasons.add(flagged.size() + " of " + labeledFrames + " labeled frames ("
          + QaReport.percent(flaggedShare) + ") disagree strongly with the pre-annotations, "
          + "more than the " + QaReport.percent(policy.maxFlaggedShare()) + " allowed: "
          + flagged.stream().map(FrameAgreement::describe).collect(Collectors.joining(", ")));
    }
    return new QaReport(returned.job().batchId(), returned.format(),
        returned.source().toString(),
        reasons.isEmpty() ? QaReport.Decision.ACCEPT : QaReport.Decision.REWORK, reasons,
        returned.job().frames().size(), labeledFrames, labels, missing, returned.unexpected(),
        returned.problems().errorCount(), returned.problems().warningCount(),
        returned.problems().problems().stream().map(Problem::toString).toList(),
        returned.problems().omitted(), flagged, flaggedShare, policy);
  }
}
