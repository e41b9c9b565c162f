package io.admlops.activities.evaluate;

import io.admlops.activities.datasets.Split;
import io.admlops.activities.evaluate.slices.ComparisonRow;
import io.admlops.activities.evaluate.slices.SliceEvaluation;
import io.admlops.activities.evaluate.slices.SliceResult;
import io.admlops.activities.evaluate.slices.Verdict;
import io.admlops.schemas.UserInputException;
import io.admlops.workflows.evaluate.EvaluateActivities;
import io.admlops.workflows.evaluate.EvaluateRequest;
import io.admlops.workflows.evaluate.EvaluateResult;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation activity on the gpu queue. The evaluation is stored under its model, data
 * and split, so a retry replaces rather than adds; a request no retry can fix (an unknown
 * model or dataset version, a split without labeled objects) fails as
 * {@value #INVALID_REQUEST} without retries.
 */
public class EvaluateActivitiesImpl implements EvaluateActivities {

  /** The failure type of a request that cannot succeed however often it is retried. */
  public static final String INVALID_REQUEST = "InvalidEvaluateRequest";

  private final EvaluationJob job;

  public EvaluateActivitiesImpl(EvaluationJob job) {
    this.job = job;
  }

  @Override
  public EvaluateResult evaluate(EvaluateRequest request) {
    try {
      Split split = Split.named(request.split());
      if (request.baseline() == null) {
        EvaluationJob.Scored scored = job.evaluate(request.model(), request.dataset(),
            request.datasetVersion(), split, request.iterationId());
        return result(scored, null, List.of());
      }
      EvaluationJob.Compared compared = job.compare(request.model(), request.baseline(),
          request.dataset(), request.datasetVersion(), split, request.tolerance(),
          request.iterationId());
      return result(compared.candidate(), compared.baseline(), compared.comparison().rows());
    } catch (UserInputException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_REQUEST);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EvaluateResult result(EvaluationJob.Scored candidate,
      EvaluationJob.Scored baseline, List<ComparisonRow> rows) {
    SliceEvaluation evaluation = candidate.evaluation();
    Map<String, Double> sliceMaps = new LinkedHashMap<>();
    for (Map.Entry<String, SliceResult> slice : evaluation.slices().entrySet()) {
      if (slice.getValue().map() != null) {
        sliceMaps.put(slice.getKey(), slice.getValue().map());
      }
    }
    return new EvaluateResult(candidate.model().label(), candidate.evaluationId(),
        evaluation.overall().map(), sliceMaps,
        baseline == null ? null : baseline.model().label(),
        baseline == null ? null : baseline.evaluation().overall().map(),
        keys(rows, Verdict.IMPROVED), keys(rows, Verdict.REGRESSED));
  }

  private static List<String> keys(List<ComparisonRow> rows, Verdict verdict) {
    return rows.stream().filter(r -> r.verdict() == verdict).map(ComparisonRow::key).toList();
  }
}
