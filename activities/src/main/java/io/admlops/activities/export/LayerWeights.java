package io.admlops.activities.export;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The convolutions and batch norms of a DJL network in the order the network added them
 * (stages, laterals shallow to deep, the smoothing layer, heads). An export takes them one by
 * one as it lays out the same architecture in that order, and each is checked against what
 * the layout expects, so an export can never pair a weight with the wrong layer.
 */
final class LayerWeights {

  private final Deque<Block> layers = new ArrayDeque<>();
  private int taken;

  LayerWeights(Block network) {
    collect(network);
  }

  /**
   * A convolution's weights and geometry, as ONNX's {@code Conv} reads them.
   *
   * @param weight {@code [filters, inputChannels, kernel, kernel]} row-major
   * @param bias one per filter, or null when the convolution has none
   */
  record Convolution(float[] weight, long[] weightShape, float[] bias, int kernel, int stride,
      int padding) {}

  /** A batch norm's learned scale and shift and its running statistics, one per channel. */
  record Normalization(float[] scale, float[] shift, float[] mean, float[] variance) {}

  /**
   * The next layer, which must be a convolution of this shape.
   *
   * @throws IllegalStateException when the network's next layer is something else
   */
  Convolution nextConvolution(int filters, int kernel, int stride, boolean bias) {
    Block layer = next("a " + kernel + "x" + kernel + " convolution");
    if (!(layer instanceof Conv2d conv) || conv.getFilters() != filters
        || conv.getKernelShape().get(0) != kernel || conv.getKernelShape().get(1) != kernel
        || conv.getStride().get(0) != stride || conv.getStride().get(1) != stride
        || conv.getPadding().get(0) != conv.getPadding().get(1)
        || conv.getDilation().get(0) != 1 || conv.getDilation().get(1) != 1
        || conv.getGroups() != 1 || conv.isIncludeBias() != bias) {
      throw mismatch(layer, kernel + "x" + kernel + " convolution to " + filters
          + " channels, stride " + stride + (bias ? ", with" : ", without") + " bias");
    }
    ParameterList parameters = conv.getDirectParameters();
    Parameter weight = parameters.get("weight");
    return new Convolution(weight.getArray().toFloatArray(), weight.getShape().getShape(),
        bias ? parameters.get("bias").getArray().toFloatArray() : null, kernel, stride,
        (int) conv.getPadding().get(0));
  }

  /**
   * The next layer, which must be a batch norm over {@code channels} channels.
   *
   * @throws IllegalStateException when the network's next layer is something else
   */
  Normalization nextBatchNorm(int channels) {
    Block layer = next("a batch norm");
    if (!(layer instanceof BatchNorm norm)) {
      throw mismatch(layer, "batch norm over " + channels + " channels");
    }
    ParameterList parameters = norm.getDirectParameters();
    Normalization normalization = new Normalization(values(parameters, "gamma"),
        values(parameters, "beta"), values(parameters, "runningMean"),
        values(parameters, "runningVar"));
    if (normalization.scale().length != channels) {
      throw mismatch(layer, "batch norm over " + channels + " channels");
    }
    return normalization;
  }

  /**
   * Checks that the layout used every layer of the network.
   *
   * @throws IllegalStateException when layers are left over
   */
  void requireAllTaken() {
    if (!layers.isEmpty()) {
      throw new IllegalStateException("the export laid out " + taken + " layers but the "
          + "network has " + (taken + layers.size()) + "; its architecture is not its config's");
    }
  }

  private Block next(String expected) {
    if (layers.isEmpty()) {
      throw new IllegalStateException("the export expects " + expected + " after " + taken
          + " layers, but the network has no more; its architecture is not its config's");
    }
    taken++;
    return layers.removeFirst();
  }

  private IllegalStateException mismatch(Block layer, String expected) {
    return new IllegalStateException("layer " + taken + " of the network is " + layer
        + " where the export expects a " + expected
        + "; its architecture is not its config's");
  }

  private static float[] values(ParameterList parameters, String name) {
    return parameters.get(name).getArray().toFloatArray();
  }

  private void collect(Block block) {
    if (block instanceof Conv2d || block instanceof BatchNorm) {
      layers.add(block);
      return;
    }
    block.getChildren().values().forEach(this::collect);
  }
}
