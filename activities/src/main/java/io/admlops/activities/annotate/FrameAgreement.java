package io.admlops.activities.annotate;

/**
 * How a frame's returned labels agree with its confident pre-annotations.
 *
 * @param frameId the frame
 * @param preAnnotations confident pre-annotations
 * @param labels returned labels
 * @param unlabeled confident pre-annotations that no label of their class matches
 * @param unpredicted labels that no confident pre-annotation of their class matches
 * @param flagged whether either share is above the policy's limit
 */
public record FrameAgreement(String frameId, int preAnnotations, int labels, int unlabeled,
    int unpredicted, boolean flagged) {

  /** The frame and its counts, as QA's reasons name it. */
  public String describe() {
    return frameId + " (" + unlabeled + " of " + preAnnotations + " confident pre-annotations "
        + "without a label, " + unpredicted + " of " + labels + " labels without a "
        + "pre-annotation)";
  }
}
