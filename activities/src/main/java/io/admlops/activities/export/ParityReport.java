package io.admlops.activities.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How closely an ONNX export reproduces its DJL network on the same frames: the largest
 * absolute difference of every head output, and the detections both decode, paired by class
 * and nearest box. The export passes when every output is within {@link #OUTPUT_TOLERANCE},
 * every detection has a counterpart, boxes agree within {@link #BOX_TOLERANCE} pixels and
 * scores within {@link #SCORE_TOLERANCE}.
 *
 * @param frames the frames both runtimes saw
 * @param outputDifferences per output name, in output order, the largest absolute difference
 *     (NaN when either runtime produced NaN)
 * @param djlDetections the detections DJL reported over all frames
 * @param onnxDetections the detections decoded from ONNX Runtime's outputs
 * @param unmatchedDetections detections of either side with no counterpart of the same class
 *     in the same frame
 * @param boxDifference over paired detections, the largest difference of a box coordinate,
 *     in image pixels
 * @param scoreDifference over paired detections, the largest score difference
 */
public record ParityReport(int frames, Map<String, Double> outputDifferences,
    int djlDetections, int onnxDetections, int unmatchedDetections, double boxDifference,
    double scoreDifference) {

  public static final double OUTPUT_TOLERANCE = 1e-4;
  public static final double BOX_TOLERANCE = 1e-3;
  public static final double SCORE_TOLERANCE = 1e-4;

  public ParityReport {
    outputDifferences = Collections.unmodifiableMap(new LinkedHashMap<>(outputDifferences));
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
      failures.add(String.format(Locale.ROOT, "%d detections have no counterpart (DJL %d, "
          + "ONNX Runtime %d)", unmatchedDetections, djlDetections, onnxDetections));
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
