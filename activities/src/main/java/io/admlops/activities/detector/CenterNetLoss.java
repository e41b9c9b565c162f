package io.admlops.activities.detector;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import io.admlops.activities.model.ModelConfig;

/**
 * CenterNet's training loss: the penalty-reduced focal loss of CornerNet on the heatmap and
 * L1 on size and offset at object centers, each normalized by the number of objects.
 */
public final class CenterNetLoss {

  /** Keeps log() finite where the sigmoid saturates, as the reference implementation does. */
  private static final float EPSILON = 1e-4f;

  private final ModelConfig.Loss weights;

  public CenterNetLoss(ModelConfig.Loss weights) {
    this.weights = weights;
  }

  /**
   * The loss of a batch.
   *
   * @param outputs the network's heatmap logits, size and offset
   * @param heatmap target heatmaps {@code [N, classes, h, w]}
   * @param size target sizes {@code [N, 2, h, w]}
   * @param offset target offsets {@code [N, 2, h, w]}
   * @param mask object centers {@code [N, 1, h, w]}
   */
  public LossParts compute(NDList outputs, NDArray heatmap, NDArray size, NDArray offset,
      NDArray mask) {
    // The many temporaries are freed as soon as the parts exist; autograd keeps what the
    // backward pass needs.
    try (NDScope scope = new NDScope()) {
      NDArray objects = mask.sum().maximum(1f);
      NDArray focal = focal(outputs.get(CenterNet.Outputs.HEATMAP.ordinal()), heatmap)
          .div(objects);
      NDArray sizeL1 = maskedL1(outputs.get(CenterNet.Outputs.SIZE.ordinal()), size, mask)
          .div(objects);
      NDArray offsetL1 = maskedL1(outputs.get(CenterNet.Outputs.OFFSET.ordinal()), offset,
          mask).div(objects);
      NDArray total = focal.add(sizeL1.mul((float) weights.sizeWeight()))
          .add(offsetL1.mul((float) weights.offsetWeight()));
      NDScope.unregister(total, focal, sizeL1, offsetL1);
      return new LossParts(total, focal, sizeL1, offsetL1);
    }
  }

  private NDArray focal(NDArray logits, NDArray target) {
    NDArray p = Activation.sigmoid(logits).clip(EPSILON, 1 - EPSILON);
    NDArray positive = target.eq(1f).toType(DataType.FLOAT32, false);
    NDArray negative = positive.neg().add(1f);
    float alpha = (float) weights.focalAlpha();
    NDArray positiveLoss = p.log().mul(p.neg().add(1f).pow(alpha)).mul(positive);
    NDArray negativeLoss = p.neg().add(1f).log().mul(p.pow(alpha))
        .mul(target.neg().add(1f).pow((float) weights.focalBeta())).mul(negative);
    return positiveLoss.sum().add(negativeLoss.sum()).neg();
  }

  private static NDArray maskedL1(NDArray predicted, NDArray target, NDArray mask) {
    return predicted.sub(target).abs().mul(mask).sum();
  }

  /**
   * One batch's loss and its parts, each a scalar.
   *
   * @param total what is minimized
   * @param heatmap the focal loss
   * @param size the unweighted size L1
   * @param offset the unweighted offset L1
   */
  public record LossParts(NDArray total, NDArray heatmap, NDArray size, NDArray offset) {}
}
