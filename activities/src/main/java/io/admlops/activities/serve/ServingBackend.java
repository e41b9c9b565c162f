package io.admlops.activities.serve;

import io.admlops.activities.export.OnnxExport;
import io.admlops.activities.export.ParityReport;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.schemas.UserInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The runtime a served version runs in. Both give the same detections, within float error. */
public enum ServingBackend {

  /**
   * ONNX Runtime on the version's {@code model.onnx}, exported and checked against DJL first
   * when the version has no export yet.
   */
  ONNX,
  /** DJL (PyTorch) on the version's weights. */
  DJL;

  /**
   * The backend a user names, {@code onnx} or {@code djl}.
   *
   * @throws UserInputException naming the flag and the choices otherwise
   */
  public static ServingBackend parse(String flag, String name) {
    return Arrays.stream(values()).filter(b -> b.label().equals(name)).findFirst()
        .orElseThrow(() -> new UserInputException(flag + " '" + name + "': expected one of "
            + Arrays.stream(values()).map(ServingBackend::label)
                .collect(Collectors.joining(", "))));
  }

  /** How users name it: {@code onnx}, {@code djl}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Loads a version in this runtime.
   *
   * @param device where DJL runs, for serving or for the parity check of a fresh export
   * @param parityFrames the frames a missing export is checked on, asked for only then
   * @throws UserInputException when a fresh export fails its parity check, with the numbers
   */
  public ServedModel load(ModelVersion version, ComputeDevice device,
      Supplier<List<BufferedImage>> parityFrames) throws IOException {
    if (this == DJL) {
      return DjlServedModel.load(version, device);
    }
    if (!Files.isRegularFile(OnnxExport.file(version))) {
      ParityReport report = new OnnxExport(device).exportAndVerify(version, parityFrames.get());
      if (!report.passed()) {
        throw new UserInputException(version.label() + " has no ONNX export and a fresh one "
            + "failed its parity check, so ONNX Runtime cannot serve it: "
            + String.join("; ", report.failures()));
      }
    }
    return OnnxServedModel.load(version);
  }
}
