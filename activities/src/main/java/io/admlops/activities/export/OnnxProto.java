package io.admlops.activities.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * The messages of {@code onnx.proto} this export writes, encoded from the field numbers the
 * ONNX specification publishes. Only the fields an inference model needs are written; every
 * other field keeps its default.
 */
final class OnnxProto {

  /** {@code TensorProto.DataType.FLOAT}. */
  static final int FLOAT = 1;

  private static final int MODEL_IR_VERSION = 1;
  private static final int MODEL_PRODUCER_NAME = 2;
  private static final int MODEL_PRODUCER_VERSION = 3;
  private static final int MODEL_VERSION = 5;
  private static final int MODEL_DOC_STRING = 6;
  private static final int MODEL_GRAPH = 7;
  private static final int MODEL_OPSET_IMPORT = 8;
  private static final int MODEL_METADATA_PROPS = 14;

  private static final int OPSET_DOMAIN = 1;
  private static final int OPSET_VERSION = 2;

  private static final int ENTRY_KEY = 1;
  private static final int ENTRY_VALUE = 2;

  private static final int GRAPH_NODE = 1;
  private static final int GRAPH_NAME = 2;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int GRAPH_INPUT = 11;
  private static final int GRAPH_OUTPUT = 12;

  private static final int NODE_INPUT = 1;
  private static final int NODE_OUTPUT = 2;
  private static final int NODE_NAME = 3;
  private static final int NODE_OP_TYPE = 4;
  private static final int NODE_ATTRIBUTE = 5;

  private static final int ATTRIBUTE_NAME = 1;
  private static final int ATTRIBUTE_F = 2;
  private static final int ATTRIBUTE_I = 3;
  private static final int ATTRIBUTE_S = 4;
  private static final int ATTRIBUTE_INTS = 8;
  private static final int ATTRIBUTE_TYPE = 20;
  private static final int TYPE_FLOAT = 1;
  private static final int TYPE_INT = 2;
  private static final int TYPE_STRING = 3;
  private static final int TYPE_INTS = 7;

  private static final int TENSOR_DIMS = 1;
  private static final int TENSOR_DATA_TYPE = 2;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_RAW_DATA = 9;

  private static final int VALUE_INFO_NAME = 1;
  private static final int VALUE_INFO_TYPE = 2;
  private static final int TYPE_TENSOR_TYPE = 1;
  private static final int TENSOR_TYPE_ELEM_TYPE = 1;
  private static final int TENSOR_TYPE_SHAPE = 2;
  private static final int SHAPE_DIM = 1;
  private static final int DIMENSION_VALUE = 1;
  private static final int DIMENSION_PARAM = 2;

  private OnnxProto() {}

  /**
   * A {@code ModelProto} importing one opset of the default domain.
   *
   * @param producerVersion the producer's version, or null when it is unknown
   * @param metadata {@code metadata_props}, in order
   */
  static ProtoWriter model(long irVersion, long opset, String producerName,
      String producerVersion, long modelVersion, String doc, ProtoWriter graph,
      Map<String, String> metadata) {
    ProtoWriter model = new ProtoWriter()
        .varint(MODEL_IR_VERSION, irVersion)
        .string(MODEL_PRODUCER_NAME, producerName);
    if (producerVersion != null) {
      model.string(MODEL_PRODUCER_VERSION, producerVersion);
    }
    model.varint(MODEL_VERSION, modelVersion)
        .string(MODEL_DOC_STRING, doc)
        .message(MODEL_GRAPH, graph)
        .message(MODEL_OPSET_IMPORT, new ProtoWriter().string(OPSET_DOMAIN, "")
            .varint(OPSET_VERSION, opset));
    metadata.forEach((key, value) -> model.message(MODEL_METADATA_PROPS,
        new ProtoWriter().string(ENTRY_KEY, key).string(ENTRY_VALUE, value)));
    return model;
  }

  /** A {@code GraphProto}; nodes must come in an order where every input exists already. */
  static ProtoWriter graph(String name, List<ProtoWriter> nodes, List<ProtoWriter> initializers,
      List<ProtoWriter> inputs, List<ProtoWriter> outputs) {
    ProtoWriter graph = new ProtoWriter();
    nodes.forEach(node -> graph.message(GRAPH_NODE, node));
    graph.string(GRAPH_NAME, name);
    initializers.forEach(tensor -> graph.message(GRAPH_INITIALIZER, tensor));
    inputs.forEach(input -> graph.message(GRAPH_INPUT, input));
    outputs.forEach(output -> graph.message(GRAPH_OUTPUT, output));
    return graph;
  }

  /**
   * A {@code NodeProto} of the default domain.
   *
   * @param inputs value names; an empty name leaves an optional input out
   */
  static ProtoWriter node(String name, String opType, List<String> inputs,
      List<String> outputs, List<ProtoWriter> attributes) {
    ProtoWriter node = new ProtoWriter();
    inputs.forEach(input -> node.string(NODE_INPUT, input));
    outputs.forEach(output -> node.string(NODE_OUTPUT, output));
    node.string(NODE_NAME, name).string(NODE_OP_TYPE, opType);
    attributes.forEach(attribute -> node.message(NODE_ATTRIBUTE, attribute));
    return node;
  }

  static ProtoWriter intAttribute(String name, long value) {
    return new ProtoWriter().string(ATTRIBUTE_NAME, name).varint(ATTRIBUTE_TYPE, TYPE_INT)
        .varint(ATTRIBUTE_I, value);
  }

  static ProtoWriter intsAttribute(String name, long... values) {
    ProtoWriter attribute = new ProtoWriter().string(ATTRIBUTE_NAME, name)
        .varint(ATTRIBUTE_TYPE, TYPE_INTS);
    for (long value : values) {
      attribute.varint(ATTRIBUTE_INTS, value);
    }
    return attribute;
  }

  static ProtoWriter floatAttribute(String name, float value) {
    return new ProtoWriter().string(ATTRIBUTE_NAME, name).varint(ATTRIBUTE_TYPE, TYPE_FLOAT)
        .fixed32(ATTRIBUTE_F, value);
  }

  static ProtoWriter stringAttribute(String name, String value) {
    return new ProtoWriter().string(ATTRIBUTE_NAME, name).varint(ATTRIBUTE_TYPE, TYPE_STRING)
        .string(ATTRIBUTE_S, value);
  }

  /** A float {@code TensorProto} whose values are stored as little-endian raw data. */
  static ProtoWriter floatTensor(String name, long[] dims, float[] values) {
    ProtoWriter tensor = new ProtoWriter();
    for (long dim : dims) {
      tensor.varint(TENSOR_DIMS, dim);
    }
    ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    return tensor.varint(TENSOR_DATA_TYPE, FLOAT).string(TENSOR_NAME, name)
        .bytes(TENSOR_RAW_DATA, raw.array());
  }

  /**
   * A {@code ValueInfoProto} of a float tensor whose first dimension is symbolic.
   *
   * @param batch the first dimension's name, e.g. {@code N}
   * @param dims the other dimensions
   */
  static ProtoWriter floatValueInfo(String name, String batch, long... dims) {
    ProtoWriter shape = new ProtoWriter()
        .message(SHAPE_DIM, new ProtoWriter().string(DIMENSION_PARAM, batch));
    for (long dim : dims) {
      shape.message(SHAPE_DIM, new ProtoWriter().varint(DIMENSION_VALUE, dim));
    }
    ProtoWriter tensorType = new ProtoWriter().varint(TENSOR_TYPE_ELEM_TYPE, FLOAT)
        .message(TENSOR_TYPE_SHAPE, shape);
    return new ProtoWriter().string(VALUE_INFO_NAME, name)
        .message(VALUE_INFO_TYPE, new ProtoWriter().message(TYPE_TENSOR_TYPE, tensorType));
  }
}
