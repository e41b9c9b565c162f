package io.admlops.activities.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.detector.Detector;
import io.admlops.activities.evaluate.slices.SliceEvaluator;
import io.admlops.activities.evaluate.slices.SliceResult;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.predict.FramePredictor;
import io.admlops.schemas.frame.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorTrainerTest {

  @TempDir Path dir;

  @Test
  void overfitsAHandfulOfFramesToAHighApOnTheObjectsItCanResolve() throws IOException {
    ModelConfig config = TrainingConfigs.tiny(dir, 100, 2, "augmentation: ~",
        "inference: {scoreThreshold: 0.05}");
    List<Frame> frames = GeneratedFrames.write("fleet.yaml", 3, 8, dir.resolve("images"));
    List<EpochMetrics> epochs = new ArrayList<>();

    TrainingOutcome outcome = trainer(config).train(examples(frames, config),
        new CocoValidation(frames), dir.resolve("run"), Optional.empty(), recorder(epochs));

    assertEquals(100, epochs.size());
    assertTrue(epochs.get(99).loss() < epochs.get(0).loss() / 20,
        "loss from " + epochs.get(0).loss() + " to " + epochs.get(99).loss());
    try (Detector detector = Detector.load(config, outcome.parameters(),
        ComputeDevice.local().device())) {
      SliceResult overall = new SliceEvaluator()
          .evaluate(frames, FramePredictor.predict(detector, frames)).overall();
      // Cars, the class these frames have most of, are learned nearly by heart (AP over IoU
      // 0.5 to 0.95, so a box a pixel off still costs); traffic lights one or two pixels wide
      // are below what a stride-4 heatmap can place and size. An untrained model scores 0.
      assertTrue(overall.perClassAp().get("car") > 0.7, overall.toString());
      assertTrue(overall.ap50() > 0.5, overall.toString());
      assertTrue(overall.map() > 0.3, overall.toString());
      assertEquals(overall.map(), outcome.last().valMap(), 1e-12);
    }
  }

  @Test
  void sameSeedAndFramesGiveTheSameWeights() throws IOException {
    ModelConfig config = TrainingConfigs.tiny(dir, 2, 4);
    List<Frame> frames = GeneratedFrames.write("fleet.yaml", 5, 8, dir.resolve("images"));

    TrainingOutcome first = trainer(config).train(examples(frames, config), d -> null,
        dir.resolve("first"), Optional.empty(), recorder(new ArrayList<>()));
    TrainingOutcome second = trainer(config).train(examples(frames, config), d -> null,
        dir.resolve("second"), Optional.empty(), recorder(new ArrayList<>()));

    assertArrayEquals(Files.readAllBytes(first.parameters()),
        Files.readAllBytes(second.parameters()));
  }

  @Test
  void resumingFromAnEpochCheckpointEndsWhereAnUninterruptedRunEnds() throws IOException {
    ModelConfig config = TrainingConfigs.tiny(dir, 3, 4);
    List<Frame> frames = GeneratedFrames.write("fleet.yaml", 7, 8, dir.resolve("images"));
    TrainingOutcome uninterrupted = trainer(config).train(examples(frames, config), d -> null,
        dir.resolve("whole"), Optional.empty(), recorder(new ArrayList<>()));

    Checkpoint afterFirst = Checkpoint.read(Checkpoint.folderOf(dir.resolve("whole"), 1));
    List<EpochMetrics> resumedEpochs = new ArrayList<>();
    TrainingOutcome resumed = trainer(config).train(examples(frames, config), d -> null,
        dir.resolve("resumed"), Optional.of(afterFirst), recorder(resumedEpochs));

    assertEquals(2, resumed.firstEpoch());
    assertEquals(List.of(2, 3), resumedEpochs.stream().map(EpochMetrics::epoch).toList());
    assertEquals(uninterrupted.last().step(), resumed.last().step());
    assertArrayEquals(Files.readAllBytes(uninterrupted.parameters()),
        Files.readAllBytes(resumed.parameters()));
  }

  private static DetectorTrainer trainer(ModelConfig config) {
    return new DetectorTrainer(config, ComputeDevice.local(), 2);
  }

  static List<TrainingExample> examples(List<Frame> frames, ModelConfig config) {
    Map<String, Integer> classIndex = new HashMap<>();
    for (int i = 0; i < config.classes().size(); i++) {
      classIndex.put(config.classes().get(i), i);
    }
    return frames.stream().map(f -> TrainingExample.of(f, classIndex)).toList();
  }

  private static DetectorTrainer.Listener recorder(List<EpochMetrics> epochs) {
    return new DetectorTrainer.Listener() {
      @Override
      public void stepFinished(int epoch, long step) {}

      @Override
      public void epochFinished(EpochMetrics metrics) {
        epochs.add(metrics);
      }
    };
  }
}
