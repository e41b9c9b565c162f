package io.admlops.activities.train;

import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.model.ModelConfigLoader;
import io.admlops.schemas.frame.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real training run through the data pipeline on generated frames: the share of training
 * time the trainer spent waiting for batches, and images per second, with as many data
 * threads as the worker gives it (one per core). Run by hand with the test classpath:
 * {@code DataWaitBenchmark configs/models/centernet-base.yaml 512 3 WORKDIR}; frames come
 * from {@code configs/collect/fleet.yaml} and are written, with the checkpoints, under the
 * empty folder {@code WORKDIR}.
 */
public final class DataWaitBenchmark {

  private DataWaitBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path base = Path.of(args[0]).toAbsolutePath();
    int frameCount = Integer.parseInt(args[1]);
    int epochs = Integer.parseInt(args[2]);
    Path work = Path.of(args[3]);
    Path variant = work.resolve("bench.yaml");
    // The config as shipped, augmentation included, but with fewer epochs.
    Files.writeString(variant, "extends: " + base + "\nname: data-wait-benchmark\n"
        + "training: {epochs: " + epochs + "}\n");
    ModelConfig config = ModelConfigLoader.load(variant);
    int threads = Runtime.getRuntime().availableProcessors();
    List<Frame> frames = GeneratedFrames.write("fleet.yaml", 11, frameCount,
        work.resolve("images"));
    DetectorTrainer trainer = new DetectorTrainer(config, ComputeDevice.local(), threads);
    double[] imagesPerSecond = new double[epochs];
    TrainingOutcome outcome = trainer.train(DetectorTrainerTest.examples(frames, config),
        detector -> null, work.resolve("run"), Optional.empty(), new DetectorTrainer.Listener() {
          @Override
          public void stepFinished(int epoch, long step) {}

          @Override
          public void epochFinished(EpochMetrics metrics) {
            imagesPerSecond[metrics.epoch() - 1] = metrics.imagesPerSecond();
          }
        });
    StringBuilder perEpoch = new StringBuilder();
    for (double rate : imagesPerSecond) {
      perEpoch.append(perEpoch.length() == 0 ? "" : " ").append(String.format("%.2f", rate));
    }
    System.out.printf("%s, %d frames, %d epochs, %d data threads: data wait %.2f%% of "
        + "training time; images/s per epoch %s%n", config.name(), frames.size(), epochs,
        threads, 100 * outcome.dataWaitShare(), perEpoch);
  }
}
