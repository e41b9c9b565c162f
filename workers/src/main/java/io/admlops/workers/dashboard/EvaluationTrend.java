package io.admlops.workers.dashboard;

import java.util.List;

/**
 * How a campaign's models scored, iteration after iteration.
 *
 * @param iterations the iterations whose candidate has a stored evaluation, in order
 * @param sliceKeys every slice any of those candidates was scored on, sorted
 */
public record EvaluationTrend(List<EvaluatedIteration> iterations, List<String> sliceKeys) {

  public EvaluationTrend {
    iterations = List.copyOf(iterations);
    sliceKeys = List.copyOf(sliceKeys);
  }
}
