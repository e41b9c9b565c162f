package io.admlops.activities.detector;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A basic residual block of two 3x3 convolutions at constant width: {@code relu(x + f(x))}.
 * The skip path lets a deeper stage train as easily as a shallow one.
 */
final class ResidualUnit extends AbstractBlock {

  private static final byte VERSION = 1;

  private final SequentialBlock body;

  ResidualUnit(int channels) {
    super(VERSION);
    body = addChildBlock("body", new SequentialBlock()
        .add(ConvUnits.convBnRelu(channels, 3, 1))
        .add(ConvUnits.convolution(channels, 3, 1, false))
        .add(ConvUnits.batchNorm()));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDList residual = body.forward(store, inputs, training, params);
    return new NDList(Activation.relu(residual.singletonOrThrow().add(inputs.singletonOrThrow())));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType,
      Shape... inputShapes) {
    body.initialize(manager, dataType, inputShapes);
  }
}
