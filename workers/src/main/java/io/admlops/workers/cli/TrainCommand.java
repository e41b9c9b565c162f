package io.admlops.workers.cli;

import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.model.ModelConfigLoader;
import io.admlops.activities.train.TrainingJob;
import io.admlops.workflows.train.TrainProgress;
import io.admlops.workflows.train.TrainRequest;
import io.admlops.workflows.train.TrainResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code admlops train}: the training activity's work in this process, for trying a config
 * by hand. Run again after an interruption, it resumes from the run's last checkpoint.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {
        "Trains the detector of a model config on a registered dataset version (its train",
        "split; its val split is scored after every epoch), registers the weights as a new",
        "model version and logs the run's curves (see 'admlops run show'). Run again after",
        "an interruption, it resumes from the last finished epoch."})
class TrainCommand implements Callable<Integer> {

  @Option(names = "--config", required = true, paramLabel = "FILE",
      description = "A model config, e.g. configs/models/centernet-tiny.yaml.")
  Path config;
  @Option(names = "--dataset", required = true, paramLabel = "NAME:VERSION",
      description = "The dataset version, e.g. drive:3.")
  String dataset;
  @Option(names = "--data-threads", defaultValue = "2", paramLabel = "N",
      description = "Threads that decode and augment frames (default: ${DEFAULT-VALUE}).")
  int dataThreads;
  @Mixin DatabaseOptions database;
  @Mixin DatasetStoreOption store;
  @Option(names = "--model-zoo", paramLabel = "DIR",
      description = "Where checkpoints and weights go (env MODELZOO, default "
          + "$ADMLOPS_HOME/modelzoo).")
  Path modelZoo;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DatasetVersionRef version = DatasetVersionRef.parse("--dataset", dataset);
    ModelConfig model = ModelConfigLoader.load(config);
    PrintWriter out = spec.commandLine().getOut();
    ComputeDevice device = ComputeDevice.local();
    out.println("training " + model.name() + " on " + dataset + " with " + device.describe());
    out.flush();
    try (RegistrySession session = RegistrySession.open(database.url, store.path, modelZoo)) {
      TrainingJob job = new TrainingJob(session.database().dsl(), session.registry(),
          session.storage().modelZoo(), device, dataThreads);
      EpochPrinter printer = new EpochPrinter(out, model.training().epochs());
      TrainResult result = job.run(new TrainRequest(version.dataset(), version.version(),
          model.resolvedYaml()), Optional.empty(),
          printer::accept);
      out.printf(Locale.ROOT, "registered %s:%d (run %d, %s)%n", result.model(),
          result.version(), result.trainingRunId(), result.runKey());
      out.println("weights: " + result.artifactUri());
      return 0;
    }
  }

  /** Prints a line whenever an epoch's checkpoint appears in the progress. */
  private static final class EpochPrinter {
    private final PrintWriter out;
    private final int epochs;
    private String lastCheckpoint;

    EpochPrinter(PrintWriter out, int epochs) {
      this.out = out;
      this.epochs = epochs;
    }

    void accept(TrainProgress progress) {
      String checkpoint = progress.checkpointUri();
      if (checkpoint == null || checkpoint.equals(lastCheckpoint)) {
        return;
      }
      boolean resumed = lastCheckpoint == null && progress.epoch() > 1
          && progress.lastMetrics().isEmpty();
      lastCheckpoint = checkpoint;
      Double map = progress.lastMetrics().get("valMap");
      out.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  lr %.5f  val mAP %s%s%n",
          progress.epoch() - 1, epochs, progress.lastMetrics().getOrDefault("loss", 0.0),
          progress.lastMetrics().getOrDefault("learningRate", 0.0),
          map == null ? "-" : String.format(Locale.ROOT, "%.4f", map),
          resumed ? " (resumed)" : "");
      out.flush();
    }
  }
}
