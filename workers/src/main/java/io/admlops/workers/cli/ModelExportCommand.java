package io.admlops.workers.cli;

import io.admlops.activities.export.AtomicFile;
import io.admlops.activities.export.OnnxExport;
import io.admlops.activities.export.ParityFrames;
import io.admlops.activities.export.ParityReport;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.modelcard.ModelCardWriter;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.ModelVersions;
import io.admlops.schemas.UserInputException;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admlops model export}: a registered version as ONNX, checked against DJL. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
        "Writes a registered model version as an ONNX model (opset 17) and runs it in ONNX",
        "Runtime beside DJL on the same frames: every head output must agree within 1e-4 and",
        "the decoded detections must be the same. Only an export that passes is written, to",
        "--out and as model.onnx in the version's model zoo folder, whose model card then",
        "names it (the card reads the training data from --store)."})
class ModelExportCommand implements Callable<Integer> {

  /** Enough frames to meet every head on varied scenes, few enough to check in seconds. */
  private static final int GENERATED_FRAMES = 8;
  private static final long GENERATOR_SEED = 1;

  @Option(names = "--model", required = true, paramLabel = "MODEL[:VERSION|@ALIAS]",
      description = "E.g. centernet-tiny:2, centernet-tiny@production, or a model name "
          + "for its newest version.")
  String model;
  @Option(names = "--format", defaultValue = "onnx", paramLabel = "onnx",
      description = "The exchange format; ONNX is the one inference engines share. "
          + "Default: ${DEFAULT-VALUE}.")
  String format;
  @Option(names = "--out", required = true, paramLabel = "FILE") Path out;
  @Option(names = "--check-frames", paramLabel = "DIR",
      description = {"Check parity on the PNG and JPEG images of this folder, e.g. an",
          "evaluation set's images. Without it: " + GENERATED_FRAMES + " road frames the "
          + "scenario generator renders from --check-mix."})
  Path checkFrames;
  @Option(names = "--check-mix", defaultValue = "configs/collect/fleet.yaml",
      paramLabel = "FILE",
      description = "The scenario mix of the generated frames. Default: ${DEFAULT-VALUE}.")
  Path checkMix;
  @Mixin DatasetStoreOption store;
  @Mixin DatabaseOptions database;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!"onnx".equals(format)) {
      throw new UserInputException("--format '" + format + "': only onnx is supported");
    }
    if (Files.isDirectory(out)) {
      throw new UserInputException("--out " + out + " is a folder; name the file to write, "
          + "e.g. " + out.resolve(OnnxExport.FILE));
    }
    PrintWriter console = spec.commandLine().getOut();
    try (RegistrySession session = RegistrySession.open(database.url, store.path)) {
      ModelVersion version = new ModelVersions(session.database().dsl()).resolve(model);
      List<BufferedImage> frames = checkFrames != null ? ParityFrames.folder(checkFrames)
          : ParityFrames.generated(checkMix, GENERATOR_SEED, GENERATED_FRAMES);
      ComputeDevice device = ComputeDevice.local();
      ParityReport report = new OnnxExport(device).exportAndVerify(version, frames);
      console.println(version.label() + ": parity on " + report.frames() + " frames, ONNX "
          + "Runtime " + OnnxExport.runtimeVersion() + " against DJL " + device.describe());
      print(console, report);
      if (!report.passed()) {
        console.flush();
        throw new UserInputException(version.label() + " failed its parity check, nothing "
            + "written: " + String.join("; ", report.failures()));
      }
      AtomicFile.write(out, Files.readAllBytes(OnnxExport.file(version)));
      console.println("written " + out + " and " + OnnxExport.file(version));
      console.println("model card: " + new ModelCardWriter(session.database().dsl(),
          session.registry()).write(version));
      return 0;
    }
  }

  private static void print(PrintWriter console, ParityReport report) {
    report.outputDifferences().forEach((output, difference) -> console.printf(Locale.ROOT,
        "  %-10s max |difference| %.2e     (allowed %.0e)%n", output, difference,
        ParityReport.OUTPUT_TOLERANCE));
    console.printf(Locale.ROOT, "  %-10s %d from DJL, %d from ONNX Runtime, %d unmatched%n",
        "detections", report.djlDetections(), report.onnxDetections(),
        report.unmatchedDetections());
    console.printf(Locale.ROOT, "  %-10s %s%n", "near-ties",
        report.describeExcusedNearTies());
    console.printf(Locale.ROOT, "  %-10s max |difference| %.2e px  (allowed %.0e)%n", "boxes",
        report.boxDifference(), ParityReport.BOX_TOLERANCE);
    console.printf(Locale.ROOT, "  %-10s max |difference| %.2e     (allowed %.0e)%n", "scores",
        report.scoreDifference(), ParityReport.SCORE_TOLERANCE);
  }
}
