package io.admlops.activities.detector;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** The convolution layers the detector is made of, built the same way everywhere. */
final class ConvUnits {

  private ConvUnits() {}

  /**
   * A square convolution without bias (batch norm supplies the shift), batch norm and ReLU.
   * Padding keeps the size for stride 1 and halves it exactly for stride 2.
   */
  static SequentialBlock convBnRelu(int channels, int kernel, int stride) {
    return new SequentialBlock()
        .add(convolution(channels, kernel, stride, false))
        .add(batchNorm())
        .add(Activation.reluBlock());
  }

  /** Batch norm over the channel axis with the detector's epsilon. */
  static BatchNorm batchNorm() {
    return BatchNorm.builder().optEpsilon(CenterNet.BATCH_NORM_EPSILON).build();
  }

  /** A square convolution with "same" padding. */
  static Conv2d convolution(int channels, int kernel, int stride, boolean bias) {
    Conv2d.Builder builder = Conv2d.builder()
        .setFilters(channels)
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(kernel / 2, kernel / 2));
    if (!bias) {
      builder.optBias(false);
    }
    return builder.build();
  }
}
