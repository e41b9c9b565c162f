package io.admlops.activities.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How closely an ONNX export reproduces its DJL network on the same frames: the largest
 * absolute difference of every head output, and the detections both decode, paired by class
 * and box. The export passes when every output is within {@link #OUTPUT_TOLERANCE}, every
 * detection has a counterpart or is a {@link NearTie} (a decision heads within that tolerance
 * can tip either way), boxes agree within {@link #BOX_TOLERANCE} pixels and scores within
 * {@link #SCORE_TOLERANCE}.
 *
 * @param frames the frames both runtimes saw
 * @param outputDifferences per output name, in output order, the largest absolute difference
 *     (NaN when either runtime produced NaN)
 * @param djlDetections the detections DJL reported over all frames
 * @param onnxDetections the detections decoded from ONNX Runtime's outputs
 * @param unmatchedDetections detections of either side with no counterpart of the same class
 *     in the same frame that no near-tie explains
 * @param excusedNearTies per kind, the detections of either side without counterpart that
 *     were excused as near-ties
 * @param boxDifference over paired detections, the largest difference of a box coordinate,
 *     in image pixels
 * @param scoreDifference over paired detections, the largest score difference
 */
public record ParityReport(int frames, Map<String, Double> outputDifferences,
    int djlDetections, int onnxDetections, int unmatchedDetections,
    Map<NearTie, Integer> excusedNearTies, double boxDifference, double scoreDifference) {

  public static final double OUTPUT_TOLERANCE = 1e-4;
  public static final double BOX_TOLERANCE = 1e-3;
  public static final double SCORE_TOLERANCE = 1e-4;

  public ParityReport {
    outputDifferences = Collections.unmodifiableMap(new LinkedHashMap<>(outputDifferences));
    Map<NearTie, Integer> everyKind = new EnumMap<>(NearTie.class);
    for (NearTie kind : NearTie.values()) {
      everyKind.put(kind, excusedNearTies.getOrDefault(kind, 0));
    }
    excusedNearTies = Collections.unmodifiableMap(everyKind);
  }

  /** How many detections without counterpart were excused as near-ties, of every kind. */
  public int excusedNearTieCount() {
    return excusedNearTies.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The near-ties excused, e.g. {@code 2 excused (1 peak, 1 cut-off)} or {@code 0 excused}. */
  public String describeExcusedNearTies() {
    List<String> kinds = new ArrayList<>();
    excusedNearTies.forEach((kind, count) -> {
      if (count > 0) {
        kinds.add(count + " " + kind.label());
      }
    });
    String excused = excusedNearTieCount() + " excused";
    return kinds.isEmpty() ? excused : excused + " (" + String.join(", ", kinds) + ")";
  }

  public boolean passed() {
    return failures().isEmpty();
  }

  /** What is out of tolerance, one sentence each with the numbers; empty when it passed. */
  public List<String> failures() {
    List<String> failures = new ArrayList<>();
    outputDifferences.forEach((output, difference) -> {
      if (!(difference <= OUTPUT_TOLERANCE)) {
        failures.add(String.format(Locale.ROOT, "%s differs by up to %.3g (allowed %.0e)",
            output, difference, OUTPUT_TOLERANCE));
      }
    });
    if (unmatchedDetections > 0) {
      failures.add(String.format(Locale.ROOT, "%d detections have no counterpart and are no "
          + "near-tie (DJL %d, ONNX Runtime %d)", unmatchedDetections, djlDetections,
          onnxDetections));
    }
    if (!(boxDifference <= BOX_TOLERANCE)) {
      failures.add(String.format(Locale.ROOT, "boxes differ by up to %.3g px (allowed %.0e)",
          boxDifference, BOX_TOLERANCE));
    }
    if (!(scoreDifference <= SCORE_TOLERANCE)) {
      failures.add(String.format(Locale.ROOT, "scores differ by up to %.3g (allowed %.0e)",
          scoreDifference, SCORE_TOLERANCE));
    }
    return failures;
  }
}
