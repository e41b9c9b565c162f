package io.admlops.workers.serve;

import ai.djl.Device;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.ModelVersions;
import io.admlops.activities.train.SampleRuns;
import io.admlops.activities.train.TrainingRunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jooq.DSLContext;

/**
 * Versions of a detector registered the way training registers them (a folder with the
 * resolved config and the weights, a row naming it), with weights drawn from a seed instead of
 * trained: serving cares which version answers, not how well.
 */
final class RegisteredDetectors {

  private final DSLContext dsl;
  private final ModelConfig config;
  private final Path zoo;
  private final long datasetVersion;

  RegisteredDetectors(DSLContext dsl, ModelConfig config, Path zoo) {
    this.dsl = dsl;
    this.config = config;
    this.zoo = zoo;
    this.datasetVersion = SampleRuns.datasetVersion(dsl, "drive", 1);
  }

  /** Registers the next version, its weights drawn from the seed. */
  ModelVersion register(long seed) throws IOException {
    Path folder = zoo.resolve(config.name()).resolve("seed-" + seed);
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(ModelVersions.CONFIG), config.resolvedYaml());
    Path parameters = folder.resolve(ModelVersions.PARAMETERS);
    try (Detector detector = Detector.initialize(config, Device.cpu(), seed)) {
      detector.save(parameters);
    }
    long run = new TrainingRunLog(dsl).begin("seed-" + seed, config.name(), datasetVersion,
        "{}", seed, "cpu()");
    return new ModelVersions(dsl).register(new ModelVersions.Registration(config.name(),
        datasetVersion, run, "{}", config.hash(), "test", folder, sha256(parameters)));
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      // Every JDK ships SHA-256.
      throw new IllegalStateException(e);
    }
  }
}
