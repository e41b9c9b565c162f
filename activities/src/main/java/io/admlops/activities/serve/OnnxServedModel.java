package io.admlops.activities.serve;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.admlops.activities.detector.CenterNet;
import io.admlops.activities.detector.Detection;
import io.admlops.activities.detector.InputBatch;
import io.admlops.activities.detector.PeakDecoder;
import io.admlops.activities.export.OnnxExport;
import io.admlops.activities.export.OnnxRuntimeHeads;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.model.ModelConfigLoader;
import io.admlops.activities.modelzoo.ModelVersion;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * A version's ONNX export in ONNX Runtime. The frames are rendered into the input and the
 * head outputs decoded by the same code DJL's path uses, so only the network runs elsewhere;
 * decoding needs no weights, just tensors to pool over, hence a bare DJL manager.
 */
final class OnnxServedModel implements ServedModel {

  private final ModelVersion version;
  private final ModelConfig config;
  private final OnnxRuntimeHeads heads;
  private final PeakDecoder decoder;
  private final NDManager manager = NDManager.newBaseManager(Device.cpu());

  private OnnxServedModel(ModelVersion version, ModelConfig config, OnnxRuntimeHeads heads) {
    this.version = version;
    this.config = config;
    this.heads = heads;
    this.decoder = new PeakDecoder(config);
  }

  /** Loads the export in the version's folder, which must exist. */
  static OnnxServedModel load(ModelVersion version) throws IOException {
    ModelConfig config = ModelConfigLoader.load(version.config());
    return new OnnxServedModel(version, config,
        new OnnxRuntimeHeads(Files.readAllBytes(OnnxExport.file(version))));
  }

  @Override
  public ModelVersion version() {
    return version;
  }

  @Override
  public List<String> classes() {
    return config.classes();
  }

  @Override
  public List<List<Detection>> detect(List<BufferedImage> images) {
    InputBatch batch = InputBatch.of(images, config);
    List<float[]> outputs = heads.run(batch);
    int stride = config.backbone().outputStride();
    long frames = batch.frames();
    long rows = batch.height() / stride;
    long columns = batch.width() / stride;
    try (NDManager scope = manager.newSubManager()) {
      NDList tensors = new NDList();
      for (CenterNet.Outputs output : CenterNet.Outputs.values()) {
        long channels = output == CenterNet.Outputs.HEATMAP ? config.classes().size() : 2;
        tensors.add(scope.create(outputs.get(output.ordinal()),
            new Shape(frames, channels, rows, columns)));
      }
      return batch.inImagePixels(decoder.decode(tensors));
    }
  }

  @Override
  public void close() {
    try {
      heads.close();
    } finally {
      manager.close();
    }
  }
}
