package io.admlops.activities.annotate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one format of returned labels into the frames of a labeling job.
 *
 * <p>Contract: every problem in the returned files goes to the result's problem log with its
 * location ({@code file:line} or {@code file#/json/pointer}) and reading goes on, so one QA
 * run lists them all; a file that cannot be parsed at all is one such problem, not an
 * exception, since the vendor rather than the loop has to fix it. Class names go through the
 * standard's taxonomy and boxes through {@code BoxRules}; an invalid object is left out of
 * its frame.
 */
interface ReturnedLabelsReader {

  /**
   * @param source the returned file or folder
   * @param job the job, read from {@code jobFolder}
   * @param jobFolder the job's outbox folder, whose images the labeled frames point at
   * @throws IOException when the job's own files cannot be read
   */
  ReturnedLabels read(Path source, LabelingJob job, Path jobFolder, AnnotationStandard standard)
      throws IOException;
}
