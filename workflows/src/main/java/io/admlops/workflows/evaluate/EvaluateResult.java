package io.admlops.workflows.evaluate;

import java.util.List;
import java.util.Map;

/**
 * A stored evaluation, small enough for workflow history.
 *
 * @param model the candidate version evaluated, {@code name:version}
 * @param evaluationId the evaluation's row in the registry
 * @param map COCO AP@[.5:.95] over the split
 * @param sliceMaps mAP of each slice that has objects, by slice key
 * @param baseline the baseline version compared with, or null
 * @param baselineMap the baseline's mAP on the same frames, or null
 * @param improved keys of the rows (overall, slices, {@code class=...}) that improved beyond
 *     the tolerance
 * @param regressed keys of the rows that regressed beyond the tolerance
 */
public record EvaluateResult(String model, long evaluationId, double map,
    Map<String, Double> sliceMaps, String baseline, Double baselineMap, List<String> improved,
    List<String> regressed) {}
