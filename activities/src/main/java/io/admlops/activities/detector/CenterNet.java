package io.admlops.activities.detector;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import io.admlops.activities.model.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The anchor-free detector of Zhou et al., "Objects as Points" (2019), at the size a config
 * asks for: a backbone of stages that each halve the resolution, a top-down path that adds
 * upsampled deep features to 1x1 projections of shallower ones until the output stride is
 * reached, and three heads on the fused map. Input: normalized RGB {@code [N, 3, H, W]};
 * output: {@link Outputs#HEATMAP} logits {@code [N, classes, H/s, W/s]}, box
 * {@link Outputs#SIZE} and center {@link Outputs#OFFSET} {@code [N, 2, H/s, W/s]}, both in
 * heatmap cells.
 */
public final class CenterNet extends AbstractBlock {

  /**
   * The variance epsilon of every batch norm: DJL's default, written out so that an export
   * of the network normalizes exactly as it does.
   */
  public static final float BATCH_NORM_EPSILON = 1e-5f;

  private static final byte VERSION = 1;

  private final List<SequentialBlock> stages = new ArrayList<>();
  private final List<Block> laterals = new ArrayList<>();
  private final int firstFused;
  private final SequentialBlock smooth;
  private final List<SequentialBlock> heads = new ArrayList<>();

  /** The network of a config, not yet initialized. */
  public CenterNet(ModelConfig config) {
    super(VERSION);
    ModelConfig.Backbone backbone = config.backbone();
    List<Integer> channels = backbone.channels();
    // Stage i has stride 2^(i+1); fusion stops at the stage whose stride is the output's.
    firstFused = Integer.numberOfTrailingZeros(backbone.outputStride()) - 1;
    if (firstFused < 0 || firstFused >= channels.size()) {
      throw new IllegalArgumentException("output stride " + backbone.outputStride()
          + " is not produced by " + channels.size() + " stages");
    }
    for (int i = 0; i < channels.size(); i++) {
      SequentialBlock stage = new SequentialBlock().add(ConvUnits.convBnRelu(channels.get(i), 3,
          2));
      for (int b = 0; b < backbone.blocksPerStage(); b++) {
        stage.add(new ResidualUnit(channels.get(i)));
      }
      stages.add(addChildBlock("stage" + i, stage));
    }
    int width = config.head().channels();
    for (int i = firstFused; i < channels.size(); i++) {
      laterals.add(addChildBlock("lateral" + i, ConvUnits.convolution(width, 1, 1, true)));
    }
    smooth = addChildBlock("smooth", ConvUnits.convBnRelu(width, 3, 1));
    for (Outputs output : Outputs.values()) {
      int outputChannels = output == Outputs.HEATMAP ? config.classes().size() : 2;
      SequentialBlock head = new SequentialBlock()
          .add(ConvUnits.convolution(width, 3, 1, true))
          .add(Activation.reluBlock())
          .add(ConvUnits.convolution(outputChannels, 1, 1, true));
      heads.add(addChildBlock(output.blockName(), head));
    }
    // Start every class at the prior score so the many background cells do not swamp the
    // focal loss in the first steps (Lin et al., "Focal Loss for Dense Object Detection").
    double prior = config.head().heatmapPriorProbability();
    heads.get(Outputs.HEATMAP.ordinal()).getChildren().get(2).getValue()
        .setInitializer(new ConstantInitializer((float) Math.log(prior / (1 - prior))),
            Parameter.Type.BIAS);
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    return predict(store, stageFeatures(store, inputs, training, params), training, params);
  }

  /**
   * One inference pass that also returns what the backbone saw: the heads' outputs in the
   * order {@code forward} returns them, then the deepest stage's features averaged over
   * space, {@code [N, channels]}, an embedding of each frame for comparing frames with each
   * other.
   */
  public NDList forwardWithEmbedding(ParameterStore store, NDArray input) {
    List<NDArray> features = stageFeatures(store, new NDList(input), false, null);
    NDList outputs = predict(store, features, false, null);
    // PyTorch's engine in DJL averages over one axis at a time.
    outputs.add(features.get(features.size() - 1).mean(new int[] {3}).mean(new int[] {2}));
    return outputs;
  }

  /** The output of every backbone stage, shallow to deep. */
  private List<NDArray> stageFeatures(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    List<NDArray> features = new ArrayList<>();
    NDList x = inputs;
    for (SequentialBlock stage : stages) {
      NDList stageInput = x;
      x = keepingOnlyOutput(() -> stage.forward(store, stageInput, training, params));
      features.add(x.singletonOrThrow());
    }
    return features;
  }

  /** The top-down fusion of the stages' features and the three heads on the fused map. */
  private NDList predict(ParameterStore store, List<NDArray> features, boolean training,
      PairList<String, Object> params) {
    NDList map = keepingOnlyOutput(() -> {
      NDArray fused = lateral(store, features, stages.size() - 1, training, params);
      for (int i = stages.size() - 2; i >= firstFused; i--) {
        fused = upsample(fused).add(lateral(store, features, i, training, params));
      }
      return smooth.forward(store, new NDList(fused), training, params);
    });
    NDList outputs = new NDList();
    for (SequentialBlock head : heads) {
      outputs.add(keepingOnlyOutput(() -> head.forward(store, map, training, params))
          .singletonOrThrow());
    }
    return outputs;
  }

  /**
   * Runs a part of the network and frees the arrays it made on the way, keeping its output.
   * Autograd holds on to what the backward pass needs by itself; without this, every
   * intermediate (a batch norm's output, a pre-activation sum) would stay allocated until
   * the caller's scope closes, so each training step would take fresh memory from the
   * system rather than reuse what the previous layers just released.
   */
  private static NDList keepingOnlyOutput(Supplier<NDList> part) {
    try (NDScope scope = new NDScope()) {
      NDList output = part.get();
      NDScope.unregister(output);
      return output;
    }
  }

  private NDArray lateral(ParameterStore store, List<NDArray> features, int stage,
      boolean training, PairList<String, Object> params) {
    return laterals.get(stage - firstFused)
        .forward(store, new NDList(features.get(stage)), training, params).singletonOrThrow();
  }

  /** Nearest-neighbour upsampling by two in both directions. */
  private static NDArray upsample(NDArray map) {
    return map.repeat(2, 2).repeat(3, 2);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape input = inputShapes[0];
    long stride = 2L << firstFused;
    List<Shape> shapes = new ArrayList<>();
    for (SequentialBlock head : heads) {
      Shape out = head.getOutputShapes(new Shape[] {
          new Shape(input.get(0), 1, input.get(2) / stride, input.get(3) / stride)})[0];
      shapes.add(out);
    }
    return shapes.toArray(Shape[]::new);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType,
      Shape... inputShapes) {
    Shape shape = inputShapes[0];
    List<Shape> featureShapes = new ArrayList<>();
    for (SequentialBlock stage : stages) {
      stage.initialize(manager, dataType, shape);
      shape = stage.getOutputShapes(new Shape[] {shape})[0];
      featureShapes.add(shape);
    }
    Shape fused = null;
    for (int i = firstFused; i < stages.size(); i++) {
      Block lateral = laterals.get(i - firstFused);
      lateral.initialize(manager, dataType, featureShapes.get(i));
      if (i == firstFused) {
        fused = lateral.getOutputShapes(new Shape[] {featureShapes.get(i)})[0];
      }
    }
    smooth.initialize(manager, dataType, fused);
    for (SequentialBlock head : heads) {
      head.initialize(manager, dataType, fused);
    }
  }

  /** The network's outputs, in the order {@code forward} returns them. */
  public enum Outputs {
    HEATMAP,
    SIZE,
    OFFSET;

    String blockName() {
      return name().toLowerCase(Locale.ROOT) + "Head";
    }
  }
}
