package io.admlops.activities.train;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.model.ModelConfigLoader;
import io.admlops.activities.modelcard.ModelCardWriter;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.ModelVersions;
import io.admlops.activities.modelzoo.SourceCommit;
import io.admlops.activities.store.Sha256;
import io.admlops.schemas.json.Mappers;
import io.admlops.workflows.train.TrainProgress;
import io.admlops.workflows.train.TrainRequest;
import io.admlops.workflows.train.TrainResult;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * One training run from request to registered model version, shared by the training
 * activity and {@code admlops train}. The run's key and folder
 * ({@code $MODELZOO/<model>/<run key>/}) derive from the resolved config and the dataset
 * version's content, so every attempt of the same request works in the same folder, logs to
 * the same run and registers the same version.
 */
public final class TrainingJob {

  private final DSLContext dsl;
  private final DatasetRegistry datasets;
  private final Path modelZoo;
  private final ComputeDevice device;
  private final int dataThreads;

  /**
   * @param dsl the registry database
   * @param datasets the dataset registry the frames come from
   * @param modelZoo the {@code $MODELZOO} root
   * @param device where to train
   * @param dataThreads threads that prepare batches
   */
  public TrainingJob(DSLContext dsl, DatasetRegistry datasets, Path modelZoo,
      ComputeDevice device, int dataThreads) {
    this.dsl = dsl;
    this.datasets = datasets;
    this.modelZoo = modelZoo;
    this.device = device;
    this.dataThreads = dataThreads;
  }

  /**
   * Trains, resuming when an earlier attempt left a checkpoint.
   *
   * @param request what to train
   * @param previous the last heartbeat of an earlier attempt, if any
   * @param progress told after every step, e.g. to heartbeat
   * @throws io.admlops.schemas.UserInputException for a bad config or an unknown or empty
   *     dataset version
   */
  public TrainResult run(TrainRequest request, Optional<TrainProgress> previous,
      Consumer<TrainProgress> progress) throws IOException {
    ModelConfig config = parse(request.modelConfigYaml());
    TrainingData data = TrainingData.load(datasets, request.dataset(), request.datasetVersion(),
        config);
    String runKey = "train-" + Sha256.of(config.hash() + "\n" + data.version().contentHash())
        .substring(0, 16);
    Path runFolder = modelZoo.resolve(config.name()).resolve(runKey);
    Files.createDirectories(runFolder);
    Files.writeString(runFolder.resolve(ModelVersions.CONFIG), config.resolvedYaml(),
        StandardCharsets.UTF_8);
    String configJson = Mappers.json().writeValueAsString(config);
    TrainingRunLog runs = new TrainingRunLog(dsl);
    long runId = runs.begin(runKey, config.name(), data.version().id(), configJson,
        config.training().seed(), device.describe());
    ModelVersion version;
    TrainingOutcome outcome;
    try {
      Optional<Checkpoint> resume = resumePoint(previous, runFolder);
      ProgressReport report = new ProgressReport(runKey, progress, resume);
      outcome = new DetectorTrainer(config, device, dataThreads).train(
          data.train(), new CocoValidation(data.validation()), runFolder, resume,
          new DetectorTrainer.Listener() {
            @Override
            public void stepFinished(int epoch, long step) {
              report.step(epoch, step);
            }

            @Override
            public void epochFinished(EpochMetrics metrics) {
              runs.recordEpoch(runId, metrics);
              report.epoch(metrics);
            }
          });
      Path weights = runFolder.resolve(ModelVersions.PARAMETERS);
      Files.copy(outcome.parameters(), weights, StandardCopyOption.REPLACE_EXISTING);
      version = new ModelVersions(dsl).register(new ModelVersions.Registration(
          config.name(), data.version().id(), runId, configJson, config.hash(),
          SourceCommit.current(), runFolder, Sha256.of(weights)));
      runs.finish(runId, true);
    } catch (IOException | RuntimeException e) {
      runs.finish(runId, false);
      throw e;
    }
    // Written once the run is finished, so the card tells its final status.
    new ModelCardWriter(dsl, datasets).write(version);
    return new TrainResult(config.name(), version.version(), runKey, runId,
        version.paramsHash(), runFolder.toUri().toString(), outcome.last().valMap(),
        device.device().toString(), outcome.firstEpoch() - 1);
  }

  /** The config a request carries, checked as a file would be. */
  private ModelConfig parse(String resolvedYaml) throws IOException {
    Files.createDirectories(modelZoo);
    Path file = Files.createTempFile(modelZoo, "request-", ".yaml");
    try {
      Files.writeString(file, resolvedYaml, StandardCharsets.UTF_8);
      return ModelConfigLoader.load(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * The heartbeated checkpoint of the previous attempt; when that attempt died before its
   * first heartbeat reached the server, the newest complete checkpoint in the run's folder,
   * which the same config and data produced.
   */
  private static Optional<Checkpoint> resumePoint(Optional<TrainProgress> previous,
      Path runFolder) throws IOException {
    Optional<String> heartbeated = previous.map(TrainProgress::checkpointUri);
    if (heartbeated.isPresent()) {
      return Optional.of(Checkpoint.read(Path.of(URI.create(heartbeated.get()))));
    }
    return Checkpoint.latest(runFolder);
  }

  /** Turns trainer callbacks into heartbeat details. */
  private static final class ProgressReport {
    private final String runKey;
    private final Consumer<TrainProgress> sink;
    private String checkpoint;
    private Map<String, Double> last = Map.of();

    ProgressReport(String runKey, Consumer<TrainProgress> sink, Optional<Checkpoint> resume) {
      this.runKey = runKey;
      this.sink = sink;
      resume.ifPresent(c -> {
        checkpoint = c.metrics().checkpointUri();
        last = summary(c.metrics());
      });
    }

    void step(int epoch, long step) {
      sink.accept(new TrainProgress(runKey, epoch, step, checkpoint, last));
    }

    void epoch(EpochMetrics metrics) {
      checkpoint = metrics.checkpointUri();
      last = summary(metrics);
      sink.accept(new TrainProgress(runKey, metrics.epoch() + 1, metrics.step(), checkpoint,
          last));
    }

    private static Map<String, Double> summary(EpochMetrics metrics) {
      Map<String, Double> summary = new LinkedHashMap<>();
      summary.put("loss", metrics.loss());
      summary.put("learningRate", metrics.learningRate());
      if (metrics.valMap() != null) {
        summary.put("valMap", metrics.valMap());
      }
      return summary;
    }
  }
}
