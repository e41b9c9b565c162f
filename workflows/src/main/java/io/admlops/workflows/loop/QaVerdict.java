package io.admlops.workflows.loop;

import java.util.List;

/**
 * The QA decision on returned labels.
 *
 * @param accepted whether the labels go into the dataset; otherwise they go back for rework
 * @param reasons what QA found, one line each, naming frames
 * @param labeledManifest the accepted labeled frames, relative to the store; null when not
 *     accepted
 * @param labeledFrames frames in the accepted labels
 */
public record QaVerdict(boolean accepted, List<String> reasons, String labeledManifest,
    int labeledFrames) {

  public QaVerdict {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
