package io.admlops.activities.annotate;

import io.admlops.activities.formats.ProblemLog;
import io.admlops.schemas.frame.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels a vendor returned for a labeling job, read from whatever format they came in.
 *
 * @param job the job the labels answer
 * @param format the format they were read as, e.g. {@code labelstudio}
 * @param source the file or folder they were read from
 * @param frames requested frame id to the labeled frame (image in the job folder, objects as
 *     returned), in the job's order; a requested frame nobody labeled is absent
 * @param unexpected labels for images the job does not have
 * @param problems every problem found, with its location in the returned files
 */
public record ReturnedLabels(LabelingJob job, String format, Path source,
    Map<String, Frame> frames, List<UnexpectedFrame> unexpected, ProblemLog problems) {

  public ReturnedLabels {
    frames = Collections.unmodifiableMap(new LinkedHashMap<>(frames));
    unexpected = List.copyOf(unexpected);
  }

  /** The requested frames that have labels, with the job's frame ids, in the job's order. */
  public List<String> labeledIds() {
    return List.copyOf(frames.keySet());
  }

  /** The requested frames nobody labeled, in the job's order. */
  public List<String> missingIds() {
    return job.frames().stream().map(JobFrame::id).filter(id -> !frames.containsKey(id))
        .toList();
  }

  /**
   * The caller's frames with the returned labels as their objects, keeping everything else
   * (camera, scene, provenance); frames without returned labels are left out.
   */
  public List<Frame> applyTo(List<Frame> requested) {
    List<Frame> labeled = new ArrayList<>();
    for (Frame f : requested) {
      Frame returned = frames.get(f.id());
      if (returned != null) {
        labeled.add(f.withObjects(returned.objects()));
      }
    }
    return labeled;
  }
}
