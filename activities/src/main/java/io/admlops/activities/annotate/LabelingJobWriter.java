package io.admlops.activities.annotate;

import io.admlops.activities.formats.ImageHeaders;
import io.admlops.activities.formats.ImagePlacer;
import io.admlops.activities.formats.StagedDirectory;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.activities.store.Sha256;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes labeling jobs into an outbox: {@code <outbox>/<batch>/} with the images, the
 * pre-annotations for Label Studio and CVAT, Label Studio's labeling config, the spec and
 * {@code job.json}. The folder appears complete or not at all. Writing a batch that is already
 * there compares instead: the same request gives the same bytes and leaves the folder as it
 * is, so a retried activity is harmless; different content under the same id is refused.
 */
public final class LabelingJobWriter {

  private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  private final Path outbox;

  /** @param outbox the folder labeling jobs are written into, created when missing */
  public LabelingJobWriter(Path outbox) {
    this.outbox = outbox;
  }

  /**
   * Writes the job, or finds it written already.
   *
   * @return the job's folder
   * @throws UserInputException when the request is invalid (naming the frame or field), or
   *     the batch exists with other content
   */
  public Path write(LabelingJobRequest request) throws IOException {
    if (request.batchId() == null || !BATCH_ID.matcher(request.batchId()).matches()) {
      throw new UserInputException("batch id '" + request.batchId() + "' must be letters, "
          + "digits, '.', '_' and '-', not starting with '.'");
    }
    if (request.frames().isEmpty()) {
      throw new UserInputException("labeling batch " + request.batchId() + " has no frames");
    }
    Path target = outbox.resolve(request.batchId());
    boolean written = Files.isRegularFile(target.resolve(LabelingJob.JOB));
    Path staging = written ? outbox.resolve("." + request.batchId() + ".again") : target;
    try (StagedDirectory staged = StagedDirectory.begin(staging)) {
      writeInto(staged.path(), request);
      if (!written) {
        staged.commit();
        return target;
      }
      Optional<String> difference = firstDifference(staged.path(), target);
      if (difference.isPresent()) {
        throw new UserInputException(target + " already holds labeling batch "
            + request.batchId() + " with other content (" + difference.get() + "); a batch "
            + "id names one job");
      }
      return target;
    }
  }

  private static void writeInto(Path folder, LabelingJobRequest request) throws IOException {
    AnnotationStandard standard = request.standard();
    ImagePlacer images = new ImagePlacer(folder.resolve(LabelingJob.IMAGES));
    List<JobFrame> frames = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Frame frame : request.frames()) {
      if (!ids.add(frame.id())) {
        throw new UserInputException("frame " + frame.id() + " is listed twice in labeling "
            + "batch " + request.batchId());
      }
      frames.add(jobFrame(frame, images, request.preAnnotations()
          .getOrDefault(frame.id(), List.of()), standard.taxonomy()));
    }
    Set<String> unknown = new HashSet<>(request.preAnnotations().keySet());
    unknown.removeAll(ids);
    if (!unknown.isEmpty()) {
      throw new UserInputException("pre-annotations for frames not in labeling batch "
          + request.batchId() + ": " + unknown.stream().sorted().toList());
    }
    LabelingJob job = new LabelingJob(request.batchId(), standard.definition().name(),
        standard.classes(), standard.attributes().stream().map(AttributeSpec::name).toList(),
        request.model(), request.createdFrom(), frames);
    OutboxJson.write(job, folder.resolve(LabelingJob.JOB));
    LabelStudioTasks.write(job, standard, request.imagePrefix(),
        folder.resolve(LabelingJob.LABEL_STUDIO_TASKS));
    LabelStudioConfig.write(standard, folder.resolve(LabelingJob.LABEL_STUDIO_CONFIG));
    CvatAnnotationsWriter.write(job, standard, JobFrame::preAnnotations,
        CvatAnnotationsWriter.AUTO, folder.resolve(LabelingJob.CVAT_ANNOTATIONS));
    AnnotationSpecDocument.write(job, standard, folder.resolve(LabelingJob.SPEC));
  }

  private static JobFrame jobFrame(Frame frame, ImagePlacer images,
      List<FrameObject> predictions, Taxonomy taxonomy) throws IOException {
    Path source = Path.of(frame.image().uri());
    if (!source.isAbsolute()) {
      throw new UserInputException("frame " + frame.id() + ": image " + source
          + " must be an absolute path");
    }
    String name = ImagePlacer.fileName(frame.id(), source);
    Path placed = images.place(source, name);
    int width = frame.image().width();
    int height = frame.image().height();
    if (width <= 0 || height <= 0) {
      ImageHeaders.Size size = ImageHeaders.read(placed);
      width = size.width();
      height = size.height();
    }
    List<FrameObject> boxes = new ArrayList<>();
    for (FrameObject p : predictions) {
      preAnnotation(frame.id(), p, width, height, taxonomy).ifPresent(boxes::add);
    }
    return new JobFrame(frame.id(), name, width, height, Sha256.of(placed), boxes);
  }

  /**
   * A prediction as annotators see it: a class of the dataset, clipped to the image, with its
   * score. Predictions of classes the definition drops, or wholly outside the image, are left
   * out.
   */
  private static Optional<FrameObject> preAnnotation(String frameId, FrameObject p, int width,
      int height, Taxonomy taxonomy) {
    if (p.score() == null) {
      throw new UserInputException("frame " + frameId + ": a pre-annotation of class "
          + p.category() + " has no score");
    }
    Taxonomy.Resolution category = taxonomy.resolve(p.category());
    if (!category.known()) {
      throw new UserInputException("frame " + frameId + ": pre-annotation class '"
          + p.category() + "' is not in the dataset definition's classes " + taxonomy.classes());
    }
    Box2D box = p.box().clippedTo(width, height);
    if (!category.kept() || box.width() <= 0 || box.height() <= 0) {
      return Optional.empty();
    }
    return Optional.of(new FrameObject(null, category.category(), box, null, null, null, null,
        false, false, null, p.score(), Map.of()));
  }

  /** The first file that differs between two folders, or empty when they are the same. */
  private static Optional<String> firstDifference(Path expected, Path actual)
      throws IOException {
    List<Path> expectedFiles = files(expected);
    List<Path> actualFiles = files(actual);
    if (!expectedFiles.equals(actualFiles)) {
      return Optional.of("files " + actualFiles + " instead of " + expectedFiles);
    }
    for (Path f : expectedFiles) {
      if (Files.mismatch(expected.resolve(f), actual.resolve(f)) != -1) {
        return Optional.of(f + " differs");
      }
    }
    return Optional.empty();
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
    }
  }
}
