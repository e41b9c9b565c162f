package io.admlops.activities.export;

import io.admlops.activities.detector.CenterNet;
import io.admlops.activities.detector.Detection;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.detector.InputBatch;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an export in ONNX Runtime and its detector in DJL on the same input tensors, a few
 * frames at a time, and measures how far apart their outputs and detections are. DJL's
 * detections come from {@link Detector#detect}, the path predictions take; ONNX Runtime's
 * outputs go through the same decoder.
 */
final class ParityCheck {

  private static final int BATCH = 8;

  private final Detector detector;
  private final double[] outputDifferences = new double[CenterNet.Outputs.values().length];
  private int djlDetections;
  private int onnxDetections;
  private int unmatched;
  private double boxDifference;
  private double scoreDifference;

  private ParityCheck(Detector detector) {
    this.detector = detector;
  }

  /**
   * Compares an export with the detector it was written from.
   *
   * @param model the ONNX model file's bytes
   * @param frames at least one frame
   */
  static ParityReport run(Detector detector, byte[] model, List<BufferedImage> frames) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("a parity check needs at least one frame");
    }
    ParityCheck check = new ParityCheck(detector);
    try (OnnxRuntimeHeads onnx = new OnnxRuntimeHeads(model)) {
      for (int from = 0; from < frames.size(); from += BATCH) {
        check.compare(frames.subList(from, Math.min(from + BATCH, frames.size())), onnx);
      }
    }
    return check.report(frames.size());
  }

  private void compare(List<BufferedImage> images, OnnxRuntimeHeads onnx) {
    InputBatch batch = InputBatch.of(images, detector.config());
    List<float[]> expected = detector.heads(batch);
    List<float[]> actual = onnx.run(batch);
    for (int i = 0; i < outputDifferences.length; i++) {
      outputDifferences[i] = Math.max(outputDifferences[i],
          largestDifference(expected.get(i), actual.get(i)));
    }
    List<List<Detection>> djl = detector.detect(images);
    List<List<Detection>> decoded = detector.decode(actual, batch);
    for (int frame = 0; frame < images.size(); frame++) {
      pair(djl.get(frame), decoded.get(frame));
    }
  }

  /**
   * The largest absolute difference; NaN when either side has a NaN, infinite when the sizes
   * differ.
   */
  private static double largestDifference(float[] expected, float[] actual) {
    if (expected.length != actual.length) {
      return Double.POSITIVE_INFINITY;
    }
    double largest = 0;
    for (int i = 0; i < expected.length; i++) {
      largest = Math.max(largest, Math.abs((double) expected[i] - actual[i]));
    }
    return largest;
  }

  /**
   * Pairs each DJL detection, best first, with the closest unpaired ONNX Runtime detection of
   * its class. Pairing by nearest box rather than by rank keeps two near-equal scores that
   * swap places from counting as a mismatch.
   */
  private void pair(List<Detection> djl, List<Detection> onnx) {
    djlDetections += djl.size();
    onnxDetections += onnx.size();
    List<Detection> unpaired = new ArrayList<>(onnx);
    for (Detection d : djl) {
      Detection nearest = null;
      double distance = Double.POSITIVE_INFINITY;
      for (Detection candidate : unpaired) {
        if (candidate.classIndex() != d.classIndex()) {
          continue;
        }
        double candidateDistance = boxDistance(d, candidate);
        if (nearest == null || candidateDistance < distance) {
          nearest = candidate;
          distance = candidateDistance;
        }
      }
      if (nearest == null) {
        unmatched++;
      } else {
        unpaired.remove(nearest);
        boxDifference = Math.max(boxDifference, distance);
        scoreDifference = Math.max(scoreDifference, Math.abs(d.score() - nearest.score()));
      }
    }
    unmatched += unpaired.size();
  }

  /** The largest difference of the four coordinates. */
  private static double boxDistance(Detection a, Detection b) {
    return Math.max(Math.max(Math.abs(a.x1() - b.x1()), Math.abs(a.y1() - b.y1())),
        Math.max(Math.abs(a.x2() - b.x2()), Math.abs(a.y2() - b.y2())));
  }

  private ParityReport report(int frames) {
    Map<String, Double> differences = new LinkedHashMap<>();
    for (CenterNet.Outputs output : CenterNet.Outputs.values()) {
      differences.put(DetectorGraph.outputName(output), outputDifferences[output.ordinal()]);
    }
    return new ParityReport(frames, differences, djlDetections, onnxDetections, unmatched,
        boxDifference, scoreDifference);
  }
}
