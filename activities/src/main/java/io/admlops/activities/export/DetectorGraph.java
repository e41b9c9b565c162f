package io.admlops.activities.export;

import io.admlops.activities.detector.CenterNet;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.model.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out a detector's network as an ONNX graph: the architecture {@link CenterNet} builds
 * from the config, node for node, with the weights of the detector's own layers. Input
 * {@value #INPUT} {@code [N, 3, H, W]}; outputs the three heads, named after
 * {@link CenterNet.Outputs} in lower case, exactly the tensors the DJL network returns in
 * inference mode.
 *
 * <p>Batch norm stays a {@code BatchNormalization} node with the running statistics rather
 * than being folded into the convolution before it: ONNX Runtime and TensorRT fold it
 * themselves when they optimize a graph, so folding here would gain nothing at run time, and
 * keeping it leaves one initializer per DJL parameter, which a reader can trace back.
 */
final class DetectorGraph {

  /** The input's name. */
  static final String INPUT = "images";
  /** The symbolic batch dimension of the input and outputs. */
  static final String BATCH = "N";

  private static final String UPSAMPLE_SCALES = "upsample.scales";

  private final OnnxGraph graph;
  private final LayerWeights weights;

  private DetectorGraph(String name, LayerWeights weights) {
    this.graph = new OnnxGraph(name);
    this.weights = weights;
  }

  /**
   * The detector's graph.
   *
   * @throws IllegalStateException when the network's layers are not those its config builds
   */
  static OnnxGraph of(Detector detector) {
    ModelConfig config = detector.config();
    DetectorGraph layout = new DetectorGraph(config.name(),
        new LayerWeights(detector.network()));
    layout.build(config);
    return layout.graph;
  }

  /** The output name of a head. */
  static String outputName(CenterNet.Outputs output) {
    return output.name().toLowerCase(Locale.ROOT);
  }

  private void build(ModelConfig config) {
    ModelConfig.Backbone backbone = config.backbone();
    List<Integer> channels = backbone.channels();
    String x = graph.input(INPUT, BATCH, 3, config.input().height(), config.input().width());
    List<String> features = new ArrayList<>();
    for (int i = 0; i < channels.size(); i++) {
      x = convBnRelu("stage" + i + ".down", x, channels.get(i), 3, 2);
      for (int b = 0; b < backbone.blocksPerStage(); b++) {
        x = residualUnit("stage" + i + ".block" + b, x, channels.get(i));
      }
      features.add(x);
    }
    // The stage whose stride is the output's is the shallowest one fused, as in CenterNet.
    int firstFused = Integer.numberOfTrailingZeros(backbone.outputStride()) - 1;
    int width = config.head().channels();
    List<String> laterals = new ArrayList<>();
    for (int i = firstFused; i < channels.size(); i++) {
      laterals.add(conv("lateral" + i, features.get(i), width, 1, 1, true));
    }
    graph.constant(UPSAMPLE_SCALES, new long[] {4}, new float[] {1, 1, 2, 2});
    String fused = laterals.get(laterals.size() - 1);
    for (int i = channels.size() - 2; i >= firstFused; i--) {
      fused = graph.node("Add", "fuse" + i, List.of(upsample("upsample" + i, fused),
          laterals.get(i - firstFused)));
    }
    String map = convBnRelu("smooth", fused, width, 3, 1);
    long cellsHigh = config.input().height() / backbone.outputStride();
    long cellsWide = config.input().width() / backbone.outputStride();
    for (CenterNet.Outputs output : CenterNet.Outputs.values()) {
      int outputChannels = output == CenterNet.Outputs.HEATMAP ? config.classes().size() : 2;
      String name = outputName(output);
      String hidden = graph.node("Relu", name + ".hidden.relu",
          List.of(conv(name + ".hidden", map, width, 3, 1, true)));
      graph.output(conv(name, hidden, outputChannels, 1, 1, true), BATCH, outputChannels,
          cellsHigh, cellsWide);
    }
    weights.requireAllTaken();
  }

  /** {@code relu(x + bn(conv(relu(bn(conv(x))))))}, as the residual unit computes it. */
  private String residualUnit(String name, String x, int channels) {
    String inner = convBnRelu(name + ".a", x, channels, 3, 1);
    String residual = batchNorm(name + ".b.bn", conv(name + ".b", inner, channels, 3, 1, false),
        channels);
    return graph.node("Relu", name + ".relu",
        List.of(graph.node("Add", name + ".add", List.of(residual, x))));
  }

  private String convBnRelu(String name, String x, int channels, int kernel, int stride) {
    String normalized = batchNorm(name + ".bn", conv(name, x, channels, kernel, stride, false),
        channels);
    return graph.node("Relu", name + ".relu", List.of(normalized));
  }

  private String conv(String name, String x, int filters, int kernel, int stride,
      boolean bias) {
    LayerWeights.Convolution layer = weights.nextConvolution(filters, kernel, stride, bias);
    List<String> inputs = new ArrayList<>(List.of(x,
        graph.constant(name + ".weight", layer.weightShape(), layer.weight())));
    if (bias) {
      inputs.add(graph.constant(name + ".bias", new long[] {filters}, layer.bias()));
    }
    int pad = layer.padding();
    return graph.node("Conv", name, inputs,
        OnnxProto.intsAttribute("kernel_shape", kernel, kernel),
        OnnxProto.intsAttribute("strides", stride, stride),
        OnnxProto.intsAttribute("pads", pad, pad, pad, pad));
  }

  private String batchNorm(String name, String x, int channels) {
    LayerWeights.Normalization layer = weights.nextBatchNorm(channels);
    long[] dims = {channels};
    return graph.node("BatchNormalization", name, List.of(x,
            graph.constant(name + ".scale", dims, layer.scale()),
            graph.constant(name + ".shift", dims, layer.shift()),
            graph.constant(name + ".mean", dims, layer.mean()),
            graph.constant(name + ".variance", dims, layer.variance())),
        OnnxProto.floatAttribute("epsilon", CenterNet.BATCH_NORM_EPSILON));
  }

  /**
   * Nearest-neighbour upsampling by two, exactly the repetition of every cell DJL does: with
   * asymmetric coordinates and flooring, output cell {@code i} reads input cell {@code i / 2}.
   */
  private String upsample(String name, String x) {
    return graph.node("Resize", name, List.of(x, "", UPSAMPLE_SCALES),
        OnnxProto.stringAttribute("mode", "nearest"),
        OnnxProto.stringAttribute("coordinate_transformation_mode", "asymmetric"),
        OnnxProto.stringAttribute("nearest_mode", "floor"));
  }
}
