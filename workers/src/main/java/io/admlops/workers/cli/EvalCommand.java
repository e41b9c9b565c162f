package io.admlops.workers.cli;

import io.admlops.activities.evaluate.coco.CocoEvaluation;
import io.admlops.activities.evaluate.coco.CocoEvaluator;
import io.admlops.activities.evaluate.coco.CocoStat;
import io.admlops.activities.evaluate.kitti.KittiAp;
import io.admlops.activities.evaluate.kitti.KittiClass;
import io.admlops.activities.evaluate.kitti.KittiDifficulty;
import io.admlops.activities.evaluate.kitti.KittiEvaluation;
import io.admlops.activities.evaluate.kitti.KittiEvaluator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admlops eval ...}: evaluate detections the way the field does. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluates detections against ground truth.",
    subcommands = {EvalCommand.Coco.class, EvalCommand.Kitti.class, EvalModelCommand.class})
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

  @Command(name = "kitti", mixinStandardHelpOptions = true,
      description = {
          "KITTI 2D object AP as the official KITTI object devkit computes it: Car,",
          "Pedestrian and Cyclist at easy, moderate and hard, over 40 recall positions",
          "(R40, the benchmark's metric) and 11 (R11, its older one)."})
  static class Kitti implements Callable<Integer> {
    @Option(names = "--gt-dir", required = true, paramLabel = "LABEL_DIR",
        description = "KITTI label files, one <frame>.txt a frame (15 columns an object).")
    Path labels;
    @Option(names = "--dt-dir", required = true, paramLabel = "RESULT_DIR",
        description = "KITTI result files (16 columns, the last the score), named as the "
            + "label files; a frame without one has no detections.")
    Path results;
    @Option(names = "--json", description = "One JSON object: {\"Car\": {\"easy\": "
        + "{\"ap_r40\": ..., \"ap_r11\": ..., \"ground_truth\": n}, ...}, ...}, APs as "
        + "fractions 0..1.")
    boolean json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      KittiEvaluation evaluation = new KittiEvaluator().evaluate(labels, results);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(evaluation.toJson());
        return 0;
      }
      out.printf(Locale.ROOT, "%-11s %-10s %9s %9s %9s%n", "", "class", "easy", "moderate",
          "hard");
      printRows(out, evaluation, "AP_R40 (%)", ap -> 100 * ap.apR40(), "%9.2f");
      printRows(out, evaluation, "AP_R11 (%)", ap -> 100 * ap.apR11(), "%9.2f");
      printRows(out, evaluation, "objects", KittiAp::groundTruth, "%9.0f");
      return 0;
    }

    private static void printRows(PrintWriter out, KittiEvaluation evaluation, String metric,
        ToDoubleFunction<KittiAp> value, String format) {
      for (KittiClass cls : KittiClass.values()) {
        out.printf(Locale.ROOT, "%-11s %-10s", metric, cls.label());
        for (KittiDifficulty difficulty : KittiDifficulty.values()) {
          double number = value.applyAsDouble(evaluation.ap(cls, difficulty));
          out.printf(Locale.ROOT, " " + format, number);
        }
        out.println();
      }
    }
  }
}
