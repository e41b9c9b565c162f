package io.admlops.activities.detector;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import io.admlops.activities.model.ModelConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the heads' outputs into boxes the CenterNet way, without box NMS: a cell is a
 * detection when its score is the maximum of its neighbourhood (a max-pool keeps only local
 * peaks) and above the threshold; its box is the predicted size around the cell plus the
 * predicted offset, in input pixels.
 */
public final class PeakDecoder {

  private final ModelConfig.Inference inference;
  private final int stride;

  public PeakDecoder(ModelConfig config) {
    this.inference = config.inference();
    this.stride = config.backbone().outputStride();
  }

  /** The detections of every frame of a batch, best first, in input pixels. */
  public List<List<Detection>> decode(NDList outputs) {
    return decode(peaks(outputs), outputs);
  }

  /**
   * The local maxima of a batch's class scores: every cell that is the highest of its
   * neighbourhood keeps its score, every other cell is zero.
   */
  Peaks peaks(NDList outputs) {
    NDArray scores = Activation.sigmoid(outputs.get(CenterNet.Outputs.HEATMAP.ordinal()));
    int kernel = inference.nmsKernel();
    NDArray pooled = Pool.maxPool2d(scores, new Shape(kernel, kernel), new Shape(1, 1),
        new Shape(kernel / 2, kernel / 2), false);
    Shape shape = scores.getShape();
    return new Peaks(scores.mul(pooled.eq(scores)).toFloatArray(), (int) shape.get(0),
        (int) shape.get(1), (int) shape.get(2), (int) shape.get(3));
  }

  /** The peaks at or above the score threshold as boxes, best first, in input pixels. */
  List<List<Detection>> decode(Peaks peaks, NDList outputs) {
    float[] size = outputs.get(CenterNet.Outputs.SIZE.ordinal()).toFloatArray();
    float[] offset = outputs.get(CenterNet.Outputs.OFFSET.ordinal()).toFloatArray();
    int cells = peaks.height() * peaks.width();
    List<List<Detection>> batch = new ArrayList<>();
    for (int n = 0; n < peaks.frames(); n++) {
      List<Detection> found = new ArrayList<>();
      for (int c = 0; c < peaks.classes(); c++) {
        int base = (n * peaks.classes() + c) * cells;
        for (int cell = 0; cell < cells; cell++) {
          float score = peaks.scores()[base + cell];
          if (score >= inference.scoreThreshold()) {
            found.add(box(c, score, cell, peaks.width(), size, offset, n * 2 * cells, cells));
          }
        }
      }
      found.sort(Comparator.comparingDouble(Detection::score).reversed());
      batch.add(List.copyOf(found.subList(0, Math.min(found.size(),
          inference.maxDetections()))));
    }
    return batch;
  }

  /**
   * The {@code count} highest peak scores of each frame over all classes, highest first,
   * whether or not they reach the threshold; fewer when a frame has fewer peaks.
   */
  List<float[]> strongest(Peaks peaks, int count) {
    int perFrame = peaks.classes() * peaks.height() * peaks.width();
    List<float[]> batch = new ArrayList<>();
    for (int n = 0; n < peaks.frames(); n++) {
      float[] frame = Arrays.copyOfRange(peaks.scores(), n * perFrame, (n + 1) * perFrame);
      Arrays.sort(frame);
      int kept = 0;
      float[] strongest = new float[Math.min(count, perFrame)];
      for (int i = frame.length - 1; i >= 0 && kept < strongest.length && frame[i] > 0; i--) {
        strongest[kept++] = frame[i];
      }
      batch.add(Arrays.copyOf(strongest, kept));
    }
    return batch;
  }

  private Detection box(int classIndex, float score, int cell, int width, float[] size,
      float[] offset, int base, int cells) {
    double cx = (cell % width + offset[base + cell]) * stride;
    double cy = (cell / width + offset[base + cells + cell]) * stride;
    double halfW = Math.max(0, size[base + cell]) * stride / 2;
    double halfH = Math.max(0, size[base + cells + cell]) * stride / 2;
    return new Detection(classIndex, score, cx - halfW, cy - halfH, cx + halfW, cy + halfH);
  }

  /**
   * A batch's local maxima, {@code [frames, classes, height, width]} flattened; zero where a
   * cell is not a peak.
   */
  record Peaks(float[] scores, int frames, int classes, int height, int width) {}
}
