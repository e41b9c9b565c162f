package io.admlops.activities.annotate;

import io.admlops.activities.RepositoryFiles;
import io.admlops.activities.train.GeneratedFrames;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labeling jobs for tests: generator frames with exact labels, whose pre-annotations are the
 * labels themselves at score 0.9 (a perfect production model), so returned ground truth
 * agrees with them and injected errors stand out.
 */
final class LabelingBatches {

  static final double PRE_ANNOTATION_SCORE = 0.9;

  private LabelingBatches() {}

  /** The repository's driving taxonomy with its annotation standard. */
  static AnnotationStandard drivingStandard() {
    return AnnotationStandard.load(RepositoryFiles.locate("configs/datasets/driving-2d.yaml"));
  }

  /** A written job and the ground truth of its frames. */
  record Batch(Path jobFolder, LabelingJob job, List<Frame> groundTruth,
      AnnotationStandard standard) {

    Map<String, Frame> groundTruthById() {
      Map<String, Frame> byId = new LinkedHashMap<>();
      groundTruth.forEach(f -> byId.put(f.id(), f));
      return byId;
    }

    SimulatedLabelingVendor vendor() {
      return new SimulatedLabelingVendor(groundTruthById(), standard);
    }
  }

  /** Generates {@code count} frames under {@code dir} and writes their job to its outbox. */
  static Batch write(Path dir, String batchId, int count, long seed) throws IOException {
    List<Frame> truth = GeneratedFrames.write("fleet.yaml", seed, count, dir.resolve("drive"));
    AnnotationStandard standard = drivingStandard();
    Path jobFolder = new LabelingJobWriter(dir.resolve("outbox")).write(
        request(batchId, truth, standard));
    return new Batch(jobFolder, LabelingJob.read(jobFolder), truth, standard);
  }

  /** The request for a batch of these frames, unlabeled, with perfect pre-annotations. */
  static LabelingJobRequest request(String batchId, List<Frame> truth,
      AnnotationStandard standard) {
    Map<String, List<FrameObject>> predictions = new LinkedHashMap<>();
    for (Frame f : truth) {
      predictions.put(f.id(), f.objects().stream().map(LabelingBatches::predicted).toList());
    }
    return new LabelingJobRequest(batchId,
        truth.stream().map(f -> f.withObjects(List.of())).toList(), predictions, standard,
        "driving:1", Map.of("iteration", "1", "collected", "gen-test"), null);
  }

  private static FrameObject predicted(FrameObject label) {
    return new FrameObject(null, label.category(), label.box(), null, null, null, null, false,
        false, null, PRE_ANNOTATION_SCORE, Map.of());
  }
}
