package io.admlops.activities.annotate;

import io.admlops.activities.formats.ProblemLog;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every reader of returned labels does once it knows which frame a set of labels is
 * for: keeps them under the requested frame's id with the job's image, refuses a second set
 * for the same frame, and remembers images the job does not have.
 */
final class ReturnCollector {

  private final LabelingJob job;
  private final Path jobFolder;
  private final ProblemLog problems = new ProblemLog();
  private final Map<String, List<FrameObject>> labels = new HashMap<>();
  private final Map<String, String> labeledAt = new HashMap<>();
  private final List<UnexpectedFrame> unexpected = new ArrayList<>();

  ReturnCollector(LabelingJob job, Path jobFolder) {
    this.job = job;
    this.jobFolder = jobFolder;
  }

  LabelingJob job() {
    return job;
  }

  ProblemLog problems() {
    return problems;
  }

  /** The labels of a requested frame, read at {@code location}. */
  void labeled(JobFrame frame, List<FrameObject> objects, String location) {
    String earlier = labeledAt.putIfAbsent(frame.id(), location);
    if (earlier != null) {
      problems.error(location, "frame " + frame.id() + " (" + frame.image() + ") is labeled "
          + "again; its labels at " + earlier + " are kept");
      return;
    }
    labels.put(frame.id(), List.copyOf(objects));
  }

  /** Labels for an image the job does not have. */
  void unexpected(String name, String location) {
    unexpected.add(new UnexpectedFrame(name, location));
  }

  ReturnedLabels finish(String format, Path source) {
    Map<String, Frame> frames = new LinkedHashMap<>();
    for (JobFrame f : job.frames()) {
      List<FrameObject> objects = labels.get(f.id());
      if (objects != null) {
        ImageRef image = new ImageRef(LabelingJob.imagePath(jobFolder, f).toAbsolutePath()
            .toString(), f.width(), f.height(), f.sha256());
        frames.put(f.id(), new Frame(f.id(), image, null, objects, null, null, null));
      }
    }
    return new ReturnedLabels(job, format, source, frames, unexpected, problems);
  }
}
