package io.admlops.activities.export;

import io.admlops.activities.detector.CenterNet;
import io.admlops.activities.detector.Detection;
import io.admlops.activities.detector.InputBatch;
import io.admlops.activities.detector.InputView;
import io.admlops.activities.model.ModelConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * One frame's head outputs from one runtime, read at the cell a detection was decoded from:
 * which cell that was, and how far it stood above its neighbours.
 */
final class FrameHeads {

  private final float[] heatmap;
  private final float[] offset;
  private final InputView view;
  private final int height;
  private final int width;
  private final int stride;
  private final int window;

  private FrameHeads(float[] heatmap, float[] offset, InputView view, int height, int width,
      ModelConfig config) {
    this.heatmap = heatmap;
    this.offset = offset;
    this.view = view;
    this.height = height;
    this.width = width;
    this.stride = config.backbone().outputStride();
    this.window = config.inference().nmsKernel();
  }

  /**
   * Every frame of a batch.
   *
   * @param heads the batch's outputs in {@link CenterNet.Outputs} order, each flattened
   *     row-major
   */
  static List<FrameHeads> of(List<float[]> heads, InputBatch batch, ModelConfig config) {
    int stride = config.backbone().outputStride();
    int height = batch.height() / stride;
    int width = batch.width() / stride;
    int heatmapSize = config.classes().size() * height * width;
    int offsetSize = 2 * height * width;
    float[] heatmap = heads.get(CenterNet.Outputs.HEATMAP.ordinal());
    float[] offset = heads.get(CenterNet.Outputs.OFFSET.ordinal());
    List<FrameHeads> frames = new ArrayList<>();
    for (int n = 0; n < batch.frames(); n++) {
      frames.add(new FrameHeads(
          Arrays.copyOfRange(heatmap, n * heatmapSize, (n + 1) * heatmapSize),
          Arrays.copyOfRange(offset, n * offsetSize, (n + 1) * offsetSize),
          batch.views().get(n), height, width, config));
    }
    return frames;
  }

  /**
   * The cell of its class whose center and score are the detection's, as an index into one
   * class's map; empty when there is none. The center is decoded as the export's metadata
   * documents it, (cell + offset) x stride in input pixels, and compared in the image's pixels
   * within the check's tolerances: the detection may come from another pass over the input.
   */
  OptionalInt cellOf(Detection detection) {
    double x = (detection.x1() + detection.x2()) / 2;
    double y = (detection.y1() + detection.y2()) / 2;
    int cells = height * width;
    int base = detection.classIndex() * cells;
    int found = -1;
    double nearest = ParityReport.BOX_TOLERANCE;
    for (int cell = 0; cell < cells; cell++) {
      double score = 1 / (1 + Math.exp(-heatmap[base + cell]));
      if (Math.abs(score - detection.score()) > ParityReport.SCORE_TOLERANCE) {
        continue;
      }
      double centerX = ((cell % width + offset[cell]) * stride - view.shiftX()) / view.scaleX();
      double centerY = ((cell / width + offset[cells + cell]) * stride - view.shiftY())
          / view.scaleY();
      double distance = Math.max(Math.abs(centerX - x), Math.abs(centerY - y));
      if (distance <= nearest) {
        found = cell;
        nearest = distance;
      }
    }
    return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
  }

  /**
   * How far a cell's logit stands above the highest other cell of its class within the
   * decoder's peak window: at least zero where the cell is a peak, below zero where a
   * neighbour is higher.
   */
  double peakLead(int classIndex, int cell) {
    int row = cell / width;
    int col = cell % width;
    int base = classIndex * height * width;
    int reach = window / 2;
    double highestOther = Double.NEGATIVE_INFINITY;
    for (int r = Math.max(0, row - reach); r <= Math.min(height - 1, row + reach); r++) {
      for (int c = Math.max(0, col - reach); c <= Math.min(width - 1, col + reach); c++) {
        if (r != row || c != col) {
          highestOther = Math.max(highestOther, heatmap[base + r * width + c]);
        }
      }
    }
    return heatmap[base + cell] - highestOther;
  }
}
