package io.admlops.activities.export;

import java.util.ArrayList;
import java.util.List;

/**
 * An ONNX graph being laid out node by node. Every node has one output, named like the node,
 * so a layout reads as a chain of names; constants (weights) become initializers.
 */
final class OnnxGraph {

  private final String name;
  private final List<ProtoWriter> nodes = new ArrayList<>();
  private final List<ProtoWriter> initializers = new ArrayList<>();
  private final List<ProtoWriter> inputs = new ArrayList<>();
  private final List<ProtoWriter> outputs = new ArrayList<>();

  OnnxGraph(String name) {
    this.name = name;
  }

  /** A float input {@code [batch, dims...]} whose batch size is left to the caller. */
  String input(String value, String batch, long... dims) {
    inputs.add(OnnxProto.floatValueInfo(value, batch, dims));
    return value;
  }

  /** Makes a value a float output {@code [batch, dims...]}. */
  void output(String value, String batch, long... dims) {
    outputs.add(OnnxProto.floatValueInfo(value, batch, dims));
  }

  /** A float constant; returns its name. */
  String constant(String value, long[] dims, float[] values) {
    initializers.add(OnnxProto.floatTensor(value, dims, values));
    return value;
  }

  /**
   * A node of the default domain whose one output is named {@code node}.
   *
   * @return the output's name
   */
  String node(String opType, String node, List<String> nodeInputs, ProtoWriter... attributes) {
    nodes.add(OnnxProto.node(node, opType, nodeInputs, List.of(node), List.of(attributes)));
    return node;
  }

  ProtoWriter encode() {
    return OnnxProto.graph(name, nodes, initializers, inputs, outputs);
  }
}
