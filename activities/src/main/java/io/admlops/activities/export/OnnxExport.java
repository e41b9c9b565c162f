package io.admlops.activities.export;

import io.admlops.activities.detector.Detector;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.model.ModelConfigLoader;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.ModelVersions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Exports registered detector versions to ONNX and verifies each export in ONNX Runtime
 * against DJL before it is kept: what {@code admlops model export} runs, and what the deploy
 * stage runs before it moves an alias.
 */
public final class OnnxExport {

  /** The export's name in a version's model zoo folder. */
  public static final String FILE = ModelVersions.ONNX;

  /**
   * IR version 8 with opset 17 is what ONNX 1.12 writes; every ONNX Runtime since 1.12 and
   * current TensorRT and OpenVINO read it.
   */
  static final long IR_VERSION = 8;
  static final long OPSET = 17;

  private static final String PRODUCER = "admlops";

  private final ComputeDevice device;

  /** @param device where DJL runs the detector for the parity check */
  public OnnxExport(ComputeDevice device) {
    this.device = device;
  }

  /**
   * Exports a version, checks the export against DJL on the frames, and only when the check
   * passes writes it to {@link #file} in the version's folder, replacing any earlier export.
   *
   * @param frames at least one frame, e.g. evaluation frames or {@link ParityFrames}
   * @return the check's numbers; a failed check leaves the version's folder as it was
   */
  public ParityReport exportAndVerify(ModelVersion version, List<BufferedImage> frames)
      throws IOException {
    ModelConfig config = ModelConfigLoader.load(version.config());
    try (Detector detector = Detector.load(config, version.parameters(), device.device())) {
      byte[] model = write(detector, version);
      ParityReport report = verify(detector, model, frames);
      if (report.passed()) {
        AtomicFile.write(file(version), model);
      }
      return report;
    }
  }

  /**
   * A detector as the bytes of an ONNX model file: the graph with its weights and the
   * {@link ServingMetadata} of the version it is.
   *
   * @throws IllegalStateException when the detector's layers are not those its config builds
   */
  public static byte[] write(Detector detector, ModelVersion version) {
    ProtoWriter model = OnnxProto.model(IR_VERSION, OPSET, PRODUCER,
        OnnxExport.class.getPackage().getImplementationVersion(), version.version(),
        "CenterNet-style 2D detector " + version.label() + ": " + detector.config().classes()
            .size() + " classes, see metadata_props for input and decoding",
        DetectorGraph.of(detector).encode(), ServingMetadata.of(version, detector.config()));
    return model.toByteArray();
  }

  /**
   * Runs an export in ONNX Runtime and the detector in DJL on the same frames.
   *
   * @param model the bytes {@link #write} returned for this detector
   * @param frames at least one frame
   */
  public static ParityReport verify(Detector detector, byte[] model,
      List<BufferedImage> frames) {
    return ParityCheck.run(detector, model, frames);
  }

  /** Where a version's export lives once it has passed its check. */
  public static Path file(ModelVersion version) {
    return version.onnx();
  }

  /** The ONNX Runtime version the check runs on, e.g. {@code 1.29.0}. */
  public static String runtimeVersion() {
    return OnnxRuntimeHeads.version();
  }
}
