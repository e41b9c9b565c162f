package io.admlops.activities.evaluate.coco;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * COCO bounding-box evaluation of a results file against an instances file, or of the same
 * held in memory, with the numbers pycocotools' COCOeval gives: the same matching, the same
 * precision envelope and sampling, the same -1 where nothing can be measured.
 */
public final class CocoEvaluator {

  private static final int ALL_AREAS = CocoProtocol.areaIndex("all");

  /** Evaluates {@code detections} (a COCO results file) against {@code groundTruth}. */
  public CocoEvaluation evaluate(Path groundTruth, Path detections) throws IOException {
    CocoGroundTruth truth = CocoGroundTruth.read(groundTruth);
    return evaluate(truth, CocoDetections.read(detections, truth));
  }

  /** Evaluates detections against ground truth, either read from files or held in memory. */
  public CocoEvaluation evaluate(CocoGroundTruth truth, CocoDetections detections) {
    return summarize(accumulate(truth, detections), truth);
  }

  /**
   * Matches every image and category in every size band, and ranks the matches into the
   * table. Categories are independent and each fills only its own cells, so they run in
   * parallel.
   */
  static PrecisionTable accumulate(CocoGroundTruth truth, CocoDetections results) {
    List<Long> categoryIds = List.copyOf(truth.categories().keySet());
    Map<Long, long[]> images = imagesByCategory(truth, results);
    PrecisionTable table = new PrecisionTable(categoryIds.size());
    IntStream.range(0, categoryIds.size()).parallel().forEach(k -> {
      long categoryId = categoryIds.get(k);
      List<ImageMatch> matches = new ArrayList<>();
      for (long imageId : images.getOrDefault(categoryId, new long[0])) {
        ImageCategory unit = new ImageCategory(imageId, categoryId);
        matches.add(ImageMatcher.match(truth.boxes(unit), results.boxes(unit)));
      }
      new CategoryRanking(matches).fill(table, k);
    });
    return table;
  }

  /**
   * For each category, the images with ground truth or detections of it, ascending as
   * COCOeval walks them. Images with neither take no part, as in COCOeval.
   */
  private static Map<Long, long[]> imagesByCategory(CocoGroundTruth truth,
      CocoDetections results) {
    Map<Long, TreeSet<Long>> images = new HashMap<>();
    Stream.concat(truth.units().stream(), results.units().stream()).forEach(unit ->
        images.computeIfAbsent(unit.categoryId(), k -> new TreeSet<>()).add(unit.imageId()));
    Map<Long, long[]> sorted = new HashMap<>();
    images.forEach((category, ids) ->
        sorted.put(category, ids.stream().mapToLong(Long::longValue).toArray()));
    return sorted;
  }

  /**
   * The twelve statistics and the AP of each category, named as in the ground truth, overall
   * and within each size band. The bands' cells are already in the table: matching and
   * ranking fill every band at once, so the bands cost only these averages.
   */
  static CocoEvaluation summarize(PrecisionTable table, CocoGroundTruth truth) {
    Map<CocoStat, Double> stats = new EnumMap<>(CocoStat.class);
    for (CocoStat stat : CocoStat.values()) {
      stats.put(stat, CocoSummary.stat(table, stat));
    }
    List<String> categoryNames = List.copyOf(truth.categories().values());
    Map<String, CocoSizeEvaluation> sizes = new LinkedHashMap<>();
    for (int a = 0; a < CocoProtocol.AREAS.size(); a++) {
      AreaRange band = CocoProtocol.AREAS.get(a);
      if (a != ALL_AREAS) {
        sizes.put(band.label(), new CocoSizeEvaluation(truth.imagesWithObjectsIn(band),
            truth.objectsIn(band), CocoSummary.bandAp(table, a, t -> true),
            CocoSummary.bandAp(table, a, CocoStat.AP50::usesThreshold),
            perClass(table, categoryNames, a)));
      }
    }
    return new CocoEvaluation(stats, perClass(table, categoryNames, ALL_AREAS), sizes);
  }

  private static Map<String, Double> perClass(PrecisionTable table, List<String> categoryNames,
      int band) {
    Map<String, Double> perClass = new LinkedHashMap<>();
    for (int k = 0; k < categoryNames.size(); k++) {
      perClass.put(categoryNames.get(k), CocoSummary.classAp(table, k, band));
    }
    return perClass;
  }
}
