package io.admlops.activities.train;

import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import io.admlops.schemas.frame.Frame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Detectors trained as the training stage trains them, for tests of what follows it. */
public final class TrainedDetectors {

  private TrainedDetectors() {}

  /**
   * Trains a config's detector on labeled frames for its configured epochs.
   *
   * @param runFolder where the run's checkpoints go
   * @return the final weights
   */
  public static Path train(ModelConfig config, List<Frame> frames, Path runFolder)
      throws IOException {
    return new DetectorTrainer(config, ComputeDevice.local(), 2).train(
        // No validation: what follows training needs the weights, not their mAP.
        DetectorTrainerTest.examples(frames, config), detector -> null, runFolder,
        Optional.empty(), new DetectorTrainer.Listener() {
          @Override
          public void stepFinished(int epoch, long step) {}

          @Override
          public void epochFinished(EpochMetrics metrics) {}
        }).parameters();
  }
}
