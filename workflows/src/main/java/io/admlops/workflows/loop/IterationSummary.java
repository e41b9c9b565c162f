package io.admlops.workflows.loop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one iteration did, as the campaign's {@code history} query and the demo list it.
 *
 * @param iteration the iteration, from 1
 * @param collected new frames collected
 * @param mined frames chosen for labeling
 * @param labeled frames whose labels were accepted
 * @param datasetVersion the dataset version the iteration trained on, {@code name:version}
 * @param candidate the model version it trained, or null when it trained none
 * @param map the candidate's overall mAP on the test split it was scored on (the campaign's
 *     benchmark, else its own version's), or null
 * @param sliceMaps the candidate's mAP per slice
 * @param production the production model after the iteration
 * @param promoted whether the candidate became the production model
 * @param outcome one line saying how the iteration ended and why
 * @param reasons why the deploy gate decided as it did
 */
public record IterationSummary(int iteration, int collected, int mined, int labeled,
    String datasetVersion, String candidate, Double map, Map<String, Double> sliceMaps,
    String production, boolean promoted, String outcome, List<String> reasons) {

  public IterationSummary {
    // Insertion order is kept: workflow code must iterate the same way on every replay.
    sliceMaps = sliceMaps == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(sliceMaps));
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
