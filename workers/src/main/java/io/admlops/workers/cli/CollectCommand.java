package io.admlops.workers.cli;

import io.admlops.activities.collect.CollectedBatches;
import io.admlops.activities.collect.GeneratorCollection;
import io.admlops.activities.collect.InboxCollection;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.schemas.UserInputException;
import io.admlops.workflows.collect.CollectResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code admlops collect}: the collect stage run by hand, without Temporal, into a dataset
 * store folder; the loop runs the same code as an activity on the cpu queue.
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
    description = {
        "Collects a batch of new frames into a dataset store: collected/<batch>/ holds the",
        "unlabeled frames the loop sees, ground-truth/<batch>/ the labels kept apart (frames",
        "and KITTI). Collecting the same content again returns the same batch."})
class CollectCommand implements Callable<Integer> {

  @Option(names = "--source", defaultValue = "generator", paramLabel = "generator|folder",
      description = "Where frames come from. Default: ${DEFAULT-VALUE}.")
  String source;

  @Option(names = "--config", defaultValue = "configs/collect/fleet.yaml", paramLabel = "FILE",
      description = "Scenario mix for the generator. Default: ${DEFAULT-VALUE}.")
  Path config;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
      description = "Generator seed; same mix, seed and frames give the same bytes.")
  long seed;

  @Option(names = "--frames", defaultValue = "200", paramLabel = "N",
      description = "Frames to generate. Default: ${DEFAULT-VALUE}.")
  int frames;

  @Option(names = "--inbox", paramLabel = "DIR",
      description = "For --source folder: the folder real frames were dropped into.")
  Path inbox;

  @Option(names = "--labels-format", paramLabel = "FORMAT",
      completionCandidates = DatasetFormatNames.class,
      description = "For --source folder: the inbox is a dataset in this format "
          + "(${COMPLETION-CANDIDATES}); its labels become ground truth.")
  String labelsFormat;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The dataset store to collect into (the loop uses $DATASET).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CollectedBatches batches = new CollectedBatches(new DatasetStore(out));
    CollectResult result = switch (source) {
      case "generator" -> new GeneratorCollection(batches).collect(config, seed, frames,
          done -> { });
      case "folder" -> {
        if (inbox == null) {
          throw new UserInputException("--source folder needs --inbox DIR");
        }
        yield new InboxCollection(batches).collect(inbox, labelsFormat, done -> { });
      }
      default -> throw new UserInputException("--source must be generator or folder, got '"
          + source + "'");
    };
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf("batch %s: %d frames%s%n", result.batchId(), result.frames(),
        result.duplicates() == 0 ? "" : ", " + result.duplicates() + " duplicates left out");
    stdout.printf("  frames        %s%n", out.resolve(result.manifest()));
    if (result.groundTruth() != null) {
      stdout.printf("  ground truth  %s%n", out.resolve(result.groundTruth()));
    }
    return 0;
  }
}
