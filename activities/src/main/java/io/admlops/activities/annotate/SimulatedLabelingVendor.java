package io.admlops.activities.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.activities.formats.frames.FramesReader;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A simulated labeling vendor, for the demo and tests: it answers a labeling job with the
 * ground truth the drive-log generator kept apart ({@code ground-truth/<batch>/frames.jsonl}),
 * as a Label Studio JSON export of the job's own tasks, optionally with label errors made on
 * purpose. Frames without ground truth come back unlabeled, as a real vendor's skipped tasks.
 */
public final class SimulatedLabelingVendor {

  private static final double SHIFT = 0.6;

  private final Map<String, Frame> groundTruth;
  private final AnnotationStandard standard;

  /** @param groundTruth labeled frames by frame id */
  public SimulatedLabelingVendor(Map<String, Frame> groundTruth, AnnotationStandard standard) {
    this.groundTruth = Map.copyOf(groundTruth);
    this.standard = standard;
  }

  /**
   * A vendor that knows the frames of ground-truth manifests.
   *
   * @param manifests {@code frames.jsonl} files or the folders holding them
   * @throws UserInputException naming the first problem when a manifest is invalid
   */
  public static SimulatedLabelingVendor fromGroundTruth(List<Path> manifests,
      AnnotationStandard standard) throws IOException {
    Map<String, Frame> frames = new HashMap<>();
    ReadContext context = new ReadContext(new ProblemLog(), Taxonomy.SOURCE);
    for (Path manifest : manifests) {
      new FramesReader().read(manifest, context, f -> frames.put(f.id(), f));
    }
    if (context.problems().hasErrors()) {
      throw new UserInputException("ground truth: " + context.problems().problems().get(0));
    }
    return new SimulatedLabelingVendor(frames, standard);
  }

  /** Writes the labels of the job in {@code jobFolder} as a Label Studio export to {@code out}. */
  public VendorDelivery labelStudioExport(Path jobFolder, LabelErrors errors, Path out)
      throws IOException {
    LabelingJob job = LabelingJob.read(jobFolder);
    JsonNode tasks = Mappers.json().readTree(
        jobFolder.resolve(LabelingJob.LABEL_STUDIO_TASKS).toFile());
    LabelStudioRegions regions = new LabelStudioRegions(standard);
    Random random = new Random(errors.seed());
    List<InjectedError> injected = new ArrayList<>();
    int labeled = 0;
    for (int i = 0; i < tasks.size(); i++) {
      ObjectNode task = (ObjectNode) tasks.get(i);
      task.put("id", i + 1);
      ArrayNode annotations = task.putArray("annotations");
      String frameId = task.path("data").path(LabelStudioTasks.FRAME_ID).asText();
      Frame truth = groundTruth.get(frameId);
      Optional<JobFrame> frame = job.frame(frameId);
      if (truth == null || frame.isEmpty()) {
        continue;
      }
      ObjectNode annotation = annotations.addObject();
      annotation.put("id", i + 1);
      annotation.put("completed_by", 1);
      annotation.put("was_cancelled", false);
      annotation.put("ground_truth", false);
      ArrayNode result = annotation.putArray("result");
      int region = 0;
      for (FrameObject o : truth.objects()) {
        if (Taxonomy.DONT_CARE.equals(o.category())) {
          continue;
        }
        Optional<FrameObject> delivered = random.nextDouble() < errors.rate()
            ? mistake(o, frame.get(), random, injected) : Optional.of(o);
        if (delivered.isPresent()) {
          regions.append(delivered.get(), "a" + region++, frame.get().width(),
              frame.get().height(), result);
        }
      }
      annotation.put("task", i + 1);
      labeled++;
    }
    OutboxJson.write(tasks, out);
    return new VendorDelivery(out, ReturnFormat.LABEL_STUDIO, labeled, injected);
  }

  /** The object as the careless vendor labels it: dropped, shifted or of another class. */
  private Optional<FrameObject> mistake(FrameObject o, JobFrame frame, Random random,
      List<InjectedError> injected) {
    List<String> otherClasses = standard.classes().stream()
        .filter(c -> !c.equals(o.category())).toList();
    InjectedError.Kind[] kinds = InjectedError.Kind.values();
    InjectedError.Kind kind = kinds[random.nextInt(otherClasses.isEmpty() ? 2 : kinds.length)];
    injected.add(new InjectedError(frame.id(), kind, o.category()));
    return switch (kind) {
      case DROPPED -> Optional.empty();
      case SHIFTED -> Optional.of(new FrameObject(o.id(), o.category(), shifted(o.box(), frame),
          o.box3d(), o.truncation(), o.occlusion(), o.trackId(), o.crowd(), o.difficult(),
          null, o.score(), o.attributes()));
      case WRONG_CLASS -> Optional.of(o.withCategory(
          otherClasses.get(random.nextInt(otherClasses.size()))));
    };
  }

  /** Moved sideways towards the image's middle, so it stays inside. */
  private static Box2D shifted(Box2D b, JobFrame frame) {
    double dx = SHIFT * b.width() * ((b.x1() + b.x2()) / 2 < frame.width() / 2.0 ? 1 : -1);
    return new Box2D(b.x1() + dx, b.y1(), b.x2() + dx, b.y2())
        .clippedTo(frame.width(), frame.height());
  }
}
