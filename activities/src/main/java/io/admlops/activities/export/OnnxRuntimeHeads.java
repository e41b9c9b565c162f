package io.admlops.activities.export;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.admlops.activities.detector.CenterNet;
import io.admlops.activities.detector.InputBatch;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An exported detector loaded in ONNX Runtime on the CPU, run on input batches: the parity
 * check's runtime, and the serving endpoint's ONNX backend.
 */
public final class OnnxRuntimeHeads implements AutoCloseable {

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  /**
   * Loads a model file's bytes.
   *
   * @throws IllegalStateException when ONNX Runtime refuses the model
   */
  public OnnxRuntimeHeads(byte[] model) {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // Idle intra-op threads spin by default, holding the cores between runs; on a small
      // machine that starves the work around each run (rendering frames, decoding peaks).
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      session = environment.createSession(model, options);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime refuses the exported model: "
          + e.getMessage(), e);
    }
  }

  /** ONNX Runtime's version, e.g. {@code 1.29.0}. */
  static String version() {
    return OrtEnvironment.getEnvironment().getVersion();
  }

  /** The heads' outputs on a batch, in {@link CenterNet.Outputs} order, each flattened. */
  public List<float[]> run(InputBatch batch) {
    try (OnnxTensor input = OnnxTensor.createTensor(environment,
            FloatBuffer.wrap(batch.pixels()), batch.shape());
        OrtSession.Result result = session.run(Map.of(DetectorGraph.INPUT, input))) {
      List<float[]> heads = new ArrayList<>();
      for (CenterNet.Outputs output : CenterNet.Outputs.values()) {
        String name = DetectorGraph.outputName(output);
        OnnxValue value = result.get(name).orElseThrow(() -> new IllegalStateException(
            "the exported model has no output " + name));
        FloatBuffer values = ((OnnxTensor) value).getFloatBuffer();
        float[] flat = new float[values.remaining()];
        values.get(flat);
        heads.add(flat);
      }
      return heads;
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to run the exported model: "
          + e.getMessage(), e);
    }
  }

  /** The model's {@code metadata_props} as ONNX Runtime reads them. */
  Map<String, String> metadata() {
    try {
      return session.getMetadata().getCustomMetadata();
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot read the model's metadata: "
          + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to release a session", e);
    }
  }
}
