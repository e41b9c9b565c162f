package io.admlops.activities.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.RepositoryFiles;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.model.ModelConfigLoader;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.train.GeneratedFrames;
import io.admlops.activities.train.TrainedDetectors;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's detector trained for only four epochs, as a small campaign trains it, exported
 * and checked on the frames such a campaign collects. Its heatmap is still flat: dozens of
 * peaks per frame lead a neighbour by less than the head tolerance, some exactly tie one, and
 * the check used to reject the export whenever one of those tipped the other way in ONNX
 * Runtime (on these frames: a tied peak DJL kept pushed another detection of its class out of
 * the 50 kept, and the two were paired 169 px apart).
 */
class BarelyTrainedExportParityTest {

  @TempDir Path dir;

  @Test
  void anExportOfADetectorTrainedForFourEpochsPassesItsCheck() throws IOException {
    Path configFile = dir.resolve("centernet-short.yaml");
    Files.writeString(configFile, "extends: "
        + RepositoryFiles.locate("configs/models/centernet-demo.yaml")
        + "\nname: centernet-short\ntraining: {epochs: 4, batchSize: 8}\n");
    ModelConfig config = ModelConfigLoader.load(configFile);
    Path weights = TrainedDetectors.train(config,
        GeneratedFrames.write("fleet.yaml", 1, 100, dir.resolve("drive")), dir.resolve("run"));
    GeneratedFrames.write("demo-fleet.yaml", 100, 48, dir.resolve("collected"));
    List<BufferedImage> frames = ParityFrames.folder(dir.resolve("collected"));
    ModelVersion version = new ModelVersion(1, config.name(), 1, dir.resolve("zoo"), "cd34");

    try (Detector detector = Detector.load(config, weights, ComputeDevice.local().device())) {
      ParityReport report = OnnxExport.verify(detector, OnnxExport.write(detector, version),
          frames);

      assertTrue(report.passed(), report.failures() + " " + report);
      assertEquals(48, report.frames());
      assertEquals(0, report.unmatchedDetections());
      // Near-ties are the rare exception (2 of 2400 detections when this was measured).
      assertTrue(report.excusedNearTieCount() * 100 < report.djlDetections(),
          report.describeExcusedNearTies());
    }
  }
}
