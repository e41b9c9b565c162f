package io.admlops.workers.cli;

import io.admlops.activities.evaluate.coco.CocoEvaluation;
import io.admlops.activities.evaluate.coco.CocoEvaluator;
import io.admlops.activities.evaluate.coco.CocoStat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admlops eval ...}: evaluate detections the way the field does. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluates detections against ground truth.",
    subcommands = {EvalCommand.Coco.class})
class EvalCommand {

  @Command(name = "coco", mixinStandardHelpOptions = true,
      description = {
          "COCO bbox evaluation, equal to pycocotools' COCOeval: the 12 summary stats and",
          "per-class AP (AP@[.5:.95], all areas, 100 detections)."})
  static class Coco implements Callable<Integer> {
    @Option(names = "--gt", required = true, paramLabel = "GT.json",
        description = "Ground truth in the COCO instances format.")
    Path groundTruth;
    @Option(names = "--dt", required = true, paramLabel = "DT.json",
        description = "Detections in the COCO results format.")
    Path detections;
    @Option(names = "--json", description = "One JSON object: {\"stats\": ..., \"per_class\": ...}.")
    boolean json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      CocoEvaluation evaluation = new CocoEvaluator().evaluate(groundTruth, detections);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(evaluation.toJson());
        return 0;
      }
      for (CocoStat stat : CocoStat.values()) {
        out.printf(Locale.ROOT, "%-6s %.3f%n", stat.name(), evaluation.stat(stat));
      }
      out.println("per class AP:");
      evaluation.perClassAp().forEach((name, ap) ->
          out.printf(Locale.ROOT, "  %-20s %.3f%n", name, ap));
      return 0;
    }
  }
}
