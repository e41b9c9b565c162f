package io.admlops.activities.evaluate;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.Split;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.evaluate.slices.EvaluationRepository;
import io.admlops.activities.evaluate.slices.ModelComparison;
import io.admlops.activities.evaluate.slices.SliceEvaluation;
import io.admlops.activities.evaluate.slices.SliceEvaluator;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfigLoader;
import io.admlops.activities.modelcard.ModelCardWriter;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.ModelVersions;
import io.admlops.activities.predict.FramePredictor;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import java.io.IOException;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Scores registered model versions on a split of a dataset version, shared by the evaluation
 * activity and {@code admlops eval model}: runs the detector on the split's frames, evaluates
 * per slice, stores the evaluation (replacing an earlier one of the same model, data and
 * split, so a retry adds nothing) and compares with a baseline on the very same frames.
 */
public final class EvaluationJob {

  private final DSLContext dsl;
  private final DatasetRegistry datasets;
  private final ComputeDevice device;

  public EvaluationJob(DSLContext dsl, DatasetRegistry datasets, ComputeDevice device) {
    this.dsl = dsl;
    this.datasets = datasets;
    this.device = device;
  }

  /**
   * Evaluates one model version and stores the result.
   *
   * @throws UserInputException when the model or dataset version is unknown, or the split
   *     has no frames or no labeled object
   */
  public Scored evaluate(String modelReference, String dataset, int version, Split split,
      Long iterationId) throws IOException {
    List<Frame> frames = frames(dataset, version, split);
    return score(modelReference, frames, dataset, version, split, iterationId);
  }

  /**
   * Evaluates a candidate and a baseline on the same frames, stores both, and compares them.
   *
   * @param tolerance the largest AP change either way that counts as unchanged
   */
  public Compared compare(String candidate, String baseline, String dataset, int version,
      Split split, double tolerance, Long iterationId) throws IOException {
    List<Frame> frames = frames(dataset, version, split);
    Scored scoredCandidate = score(candidate, frames, dataset, version, split, iterationId);
    Scored scoredBaseline = score(baseline, frames, dataset, version, split, iterationId);
    return new Compared(scoredCandidate, scoredBaseline, ModelComparison.compare(
        scoredBaseline.evaluation(), scoredCandidate.evaluation(), tolerance));
  }

  private List<Frame> frames(String dataset, int version, Split split) throws IOException {
    List<Frame> frames = datasets.splitFrames(dataset, version, split);
    if (frames.isEmpty()) {
      throw new UserInputException("dataset " + dataset + ":" + version + " has no frames in "
          + "its " + split.column() + " split");
    }
    return frames;
  }

  private Scored score(String reference, List<Frame> frames, String dataset, int version,
      Split split, Long iterationId) throws IOException {
    ModelVersion model = new ModelVersions(dsl).resolve(reference);
    SliceEvaluation evaluation;
    try (Detector detector = Detector.load(ModelConfigLoader.load(model.config()),
        model.parameters(), device.device())) {
      evaluation = new SliceEvaluator().evaluate(frames,
          FramePredictor.predict(detector, frames));
    }
    long datasetVersionId = datasets.version(dataset, version).id();
    long id = new EvaluationRepository(dsl).save(model.id(), datasetVersionId, split,
        iterationId, evaluation);
    new ModelCardWriter(dsl, datasets).write(model);
    return new Scored(model, id, evaluation);
  }

  /**
   * One model version's stored evaluation.
   *
   * @param model the version evaluated
   * @param evaluationId its row in the registry
   * @param evaluation overall and per-slice metrics
   */
  public record Scored(ModelVersion model, long evaluationId, SliceEvaluation evaluation) {}

  /**
   * A candidate against a baseline on the same frames.
   *
   * @param candidate the candidate's evaluation
   * @param baseline the baseline's evaluation
   * @param comparison the regression table
   */
  public record Compared(Scored candidate, Scored baseline, ModelComparison comparison) {}
}
