package io.admlops.activities.export;

import io.admlops.activities.detector.CenterNet;
import io.admlops.activities.detector.Detection;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.detector.InputBatch;
import io.admlops.activities.model.ModelConfig;
import java.awt.image.BufferedImage;
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

  private final ModelConfig config;
  private final double[] outputDifferences = new double[CenterNet.Outputs.values().length];
  private final DetectionComparison detections;
  private int frames;

  ParityCheck(ModelConfig config) {
    this.config = config;
    this.detections = new DetectionComparison(config.inference());
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
    ParityCheck check = new ParityCheck(detector.config());
    try (OnnxRuntimeHeads onnx = new OnnxRuntimeHeads(model)) {
      for (int from = 0; from < frames.size(); from += BATCH) {
        List<BufferedImage> images = frames.subList(from, Math.min(from + BATCH, frames.size()));
        InputBatch batch = InputBatch.of(images, detector.config());
        List<float[]> onnxHeads = onnx.run(batch);
        check.add(batch, new RuntimeOutputs(detector.heads(batch), detector.detect(images)),
            new RuntimeOutputs(onnxHeads, detector.decode(onnxHeads, batch)));
      }
    }
    return check.report();
  }

  /** Adds a batch as each runtime computed it. */
  void add(InputBatch batch, RuntimeOutputs djl, RuntimeOutputs onnx) {
    for (int i = 0; i < outputDifferences.length; i++) {
      outputDifferences[i] = Math.max(outputDifferences[i],
          largestDifference(djl.heads().get(i), onnx.heads().get(i)));
    }
    List<FrameHeads> djlFrames = FrameHeads.of(djl.heads(), batch, config);
    List<FrameHeads> onnxFrames = FrameHeads.of(onnx.heads(), batch, config);
    for (int frame = 0; frame < batch.frames(); frame++) {
      detections.compare(djl.detections().get(frame), djlFrames.get(frame),
          onnx.detections().get(frame), onnxFrames.get(frame));
    }
    frames += batch.frames();
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

  ParityReport report() {
    Map<String, Double> differences = new LinkedHashMap<>();
    for (CenterNet.Outputs output : CenterNet.Outputs.values()) {
      differences.put(DetectorGraph.outputName(output), outputDifferences[output.ordinal()]);
    }
    return detections.report(frames, differences);
  }

  /**
   * What one runtime computed on a batch.
   *
   * @param heads the outputs in {@link CenterNet.Outputs} order, each flattened row-major
   * @param detections each frame's detections, best first, in the frame's pixels
   */
  record RuntimeOutputs(List<float[]> heads, List<List<Detection>> detections) {}
}
