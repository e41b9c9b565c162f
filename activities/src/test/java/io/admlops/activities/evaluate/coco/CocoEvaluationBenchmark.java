package io.admlops.activities.evaluate.coco;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.schemas.json.Mappers;
import java.nio.file.Path;

/**
 * Times COCO box evaluation phase by phase, the way pycocotools' phases are timed beside it:
 * reading both files, matching and accumulating, summarizing. The same JVM evaluates the case
 * several times, so the first run shows the cold cost and the later ones the warm cost. Run by
 * hand with the test classpath: {@code CocoEvaluationBenchmark GT.json DT.json 5}. Prints one
 * JSON object: the seconds of each phase per run, and the twelve statistics and each size
 * band's AP, AP50 and per-class AP of the last run.
 */
public final class CocoEvaluationBenchmark {

  private CocoEvaluationBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path groundTruth = Path.of(args[0]);
    Path detections = Path.of(args[1]);
    int runs = Integer.parseInt(args[2]);
    ObjectNode report = Mappers.json().createObjectNode();
    ArrayNode load = report.putArray("load_s");
    ArrayNode evaluate = report.putArray("evaluate_accumulate_s");
    ArrayNode summarize = report.putArray("summarize_s");
    CocoEvaluation evaluation = null;
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      CocoGroundTruth truth = CocoGroundTruth.read(groundTruth);
      CocoDetections results = CocoDetections.read(detections, truth);
      long loaded = System.nanoTime();
      PrecisionTable table = CocoEvaluator.accumulate(truth, results);
      long accumulated = System.nanoTime();
      evaluation = CocoEvaluator.summarize(table, truth);
      long summarized = System.nanoTime();
      load.add((loaded - start) / 1e9);
      evaluate.add((accumulated - loaded) / 1e9);
      summarize.add((summarized - accumulated) / 1e9);
    }
    ObjectNode stats = report.putObject("stats");
    evaluation.stats().forEach((stat, value) -> stats.put(stat.name(), value));
    ObjectNode sizes = report.putObject("sizes");
    evaluation.sizes().forEach((label, size) -> {
      ObjectNode band = sizes.putObject(label);
      band.put("ap", size.ap());
      band.put("ap50", size.ap50());
      ObjectNode perClass = band.putObject("per_class");
      size.perClassAp().forEach(perClass::put);
    });
    System.out.println(Mappers.json().writeValueAsString(report));
  }
}
