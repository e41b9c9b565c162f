package io.admlops.activities.train;

import io.admlops.activities.RepositoryFiles;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.model.ModelConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small variants of {@code configs/models/centernet-tiny.yaml} that train in seconds. */
public final class TrainingConfigs {

  private TrainingConfigs() {}

  /**
   * The tiny detector with the given epochs and batch size, a constant learning rate and
   * whatever else {@code overrides} (YAML lines) sets, written into {@code folder}.
   */
  public static ModelConfig tiny(Path folder, int epochs, int batchSize, String... overrides)
      throws IOException {
    return ModelConfigLoader.load(tinyFile(folder, epochs, batchSize, overrides));
  }

  /** The config file {@link #tiny} loads, for commands that take a file. */
  public static Path tinyFile(Path folder, int epochs, int batchSize, String... overrides)
      throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve("tiny-test.yaml");
    String base = RepositoryFiles.locate("configs/models/centernet-tiny.yaml").toString();
    StringBuilder yaml = new StringBuilder()
        .append("extends: ").append(base).append('\n')
        .append("name: tiny-test\n")
        .append("training: {epochs: ").append(epochs).append(", batchSize: ").append(batchSize)
        .append(", optimizer: {learningRate: 0.005}, schedule: {name: constant, warmupEpochs: 0}}\n");
    for (String line : overrides) {
      yaml.append(line).append('\n');
    }
    Files.writeString(file, yaml);
    return file;
  }
}
