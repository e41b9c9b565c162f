package io.admlops.activities.detector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.predict.FramePredictor;
import io.admlops.activities.train.GeneratedFrames;
import io.admlops.activities.train.TrainingConfigs;
import io.admlops.schemas.frame.Frame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorInspectionTest {

  @TempDir Path dir;

  @Test
  void inspectionReportsTheDetectionsDetectDoesWithPeaksAndAnEmbedding() throws IOException {
    // A low threshold gives an untrained network detections to compare.
    ModelConfig config = TrainingConfigs.tiny(dir, 1, 2, "inference: {scoreThreshold: 0.05}");
    List<BufferedImage> images = images(GeneratedFrames.write("fleet.yaml", 3, 3, dir));

    try (Detector detector = Detector.initialize(config, ComputeDevice.local().device(), 7)) {
      List<List<Detection>> detected = detector.detect(images);
      List<FrameInspection> inspected = detector.inspect(images, 10);

      assertEquals(images.size(), inspected.size());
      for (int i = 0; i < images.size(); i++) {
        FrameInspection inspection = inspected.get(i);
        assertEquals(detected.get(i), inspection.detections());
        assertFalse(inspection.detections().isEmpty());
        float[] peaks = inspection.peakScores();
        assertEquals(10, peaks.length);
        for (int p = 1; p < peaks.length; p++) {
          assertTrue(peaks[p] <= peaks[p - 1], "peaks highest first");
        }
        assertEquals((float) inspection.detections().get(0).score(), peaks[0]);
        int deepest = config.backbone().channels().get(config.backbone().channels().size() - 1);
        assertEquals(deepest, inspection.embedding().length);
      }
    }
  }

  @Test
  void theSameImageHasTheSameEmbeddingInAnyBatchAndAnotherImageAnother() throws IOException {
    ModelConfig config = TrainingConfigs.tiny(dir, 1, 2);
    List<BufferedImage> images = images(GeneratedFrames.write("fleet.yaml", 4, 2, dir));

    try (Detector detector = Detector.initialize(config, ComputeDevice.local().device(), 7)) {
      List<FrameInspection> pair = detector.inspect(images, 5);
      FrameInspection alone = detector.inspect(images.subList(1, 2), 5).get(0);

      assertArrayEquals(pair.get(1).embedding(), alone.embedding(), 1e-5f);
      assertFalse(java.util.Arrays.equals(pair.get(0).embedding(), pair.get(1).embedding()));
    }
  }

  private static List<BufferedImage> images(List<Frame> frames) throws IOException {
    List<BufferedImage> images = new ArrayList<>();
    for (Frame frame : frames) {
      images.add(FramePredictor.readImage(frame));
    }
    return images;
  }
}
