package io.admlops.workflows.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * An ONNX export checked against DJL.
 *
 * @param model the version exported, {@code name:version}
 * @param passed whether every head output and detection agreed within tolerance
 * @param frames the frames both runtimes saw
 * @param onnxUri the export in the version's model zoo folder; null when the check failed,
 *     since only an export that passed is kept
 * @param findings the check's numbers, one line each: the largest difference per output and
 *     for the detections when it passed, what is out of tolerance when it failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportCheck(String model, boolean passed, int frames, String onnxUri,
    List<String> findings) {

  public ExportCheck {
    findings = List.copyOf(findings);
  }
}
