package io.admlops.workers.cli;

import io.admlops.activities.datasets.Split;
import io.admlops.activities.evaluate.EvaluationJob;
import io.admlops.activities.evaluate.slices.SliceEvaluation;
import io.admlops.activities.evaluate.slices.SliceResult;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.schemas.json.Mappers;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admlops eval model}: a registered model per slice, or against a baseline. */
@Command(name = "model", mixinStandardHelpOptions = true,
    description = {
        "Evaluates a registered model version on a split of a dataset version: COCO mAP",
        "overall and per slice (time of day, weather, scene, tag, object size), stored in",
        "the registry. With --baseline, both models on the same frames and the regression",
        "table: overall, per slice and per class, with a verdict per row."})
class EvalModelCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "MODEL[:VERSION|@ALIAS]")
  String model;
  @Option(names = "--dataset", required = true, paramLabel = "NAME:VERSION") String dataset;
  @Option(names = "--split", defaultValue = "test", paramLabel = "train|val|test",
      description = "Default: ${DEFAULT-VALUE}, the split no model trains or is tuned on.")
  String split;
  @Option(names = "--baseline", paramLabel = "MODEL[:VERSION|@ALIAS]",
      description = "The model to compare with, e.g. centernet-base@production.")
  String baseline;
  @Option(names = "--tolerance", defaultValue = "0.01", paramLabel = "AP",
      description = "The largest AP change either way that counts as unchanged "
          + "(default: ${DEFAULT-VALUE}).")
  double tolerance;
  @Option(names = "--json", description = "One JSON object instead of tables.")
  boolean json;
  @Mixin DatabaseOptions database;
  @Mixin DatasetStoreOption store;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DatasetVersionRef version = DatasetVersionRef.parse("--dataset", dataset);
    Split chosen = Split.named(split);
    PrintWriter out = spec.commandLine().getOut();
    try (RegistrySession session = RegistrySession.open(database.url, store.path)) {
      EvaluationJob job = new EvaluationJob(session.database().dsl(), session.registry(),
          ComputeDevice.local());
      if (baseline == null) {
        EvaluationJob.Scored scored = job.evaluate(model, version.dataset(), version.version(),
            chosen, null);
        if (json) {
          out.println(Mappers.json().writeValueAsString(scored.evaluation()));
        } else {
          out.println(scored.model().label() + " on " + dataset + " " + split + ":");
          printSlices(out, scored.evaluation());
        }
        return 0;
      }
      EvaluationJob.Compared compared = job.compare(model, baseline, version.dataset(),
          version.version(), chosen, tolerance, null);
      if (json) {
        out.println(compared.comparison().toJson());
      } else {
        out.println(compared.candidate().model().label() + " against "
            + compared.baseline().model().label() + " on " + dataset + " " + split + ":");
        out.print(compared.comparison().toTable());
      }
      return 0;
    }
  }

  private static void printSlices(PrintWriter out, SliceEvaluation evaluation) {
    out.printf(Locale.ROOT, "%-28s %7s %8s %7s %7s%n", "slice", "frames", "objects", "mAP",
        "AP50");
    row(out, "overall", evaluation.overall());
    for (Map.Entry<String, SliceResult> slice : evaluation.slices().entrySet()) {
      row(out, slice.getKey(), slice.getValue());
    }
    out.println("per class AP:");
    evaluation.overall().perClassAp().forEach((name, ap) ->
        out.printf(Locale.ROOT, "  %-20s %.4f%n", name, ap));
  }

  private static void row(PrintWriter out, String key, SliceResult result) {
    out.printf(Locale.ROOT, "%-28s %7d %8d %7s %7s%n", key, result.frameCount(),
        result.objectCount(), number(result.map()), number(result.ap50()));
  }

  private static String number(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }
}
