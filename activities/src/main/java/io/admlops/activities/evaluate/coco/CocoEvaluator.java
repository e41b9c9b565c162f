package io.admlops.activities.evaluate.coco;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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

  private static PrecisionTable accumulate(CocoGroundTruth truth, CocoDetections results) {
    List<Long> categoryIds = List.copyOf(truth.categories().keySet());
    long[] imageIds = truth.imageIds();
    int largestLimit = CocoProtocol.MAX_DETECTIONS[CocoProtocol.MAX_DETECTIONS.length - 1];
    PrecisionTable table = new PrecisionTable(categoryIds.size());
    for (int k = 0; k < categoryIds.size(); k++) {
      for (int a = 0; a < CocoProtocol.AREAS.size(); a++) {
        List<ImageMatch> matches = new ArrayList<>();
        for (long imageId : imageIds) {
          ImageCategory unit = new ImageCategory(imageId, categoryIds.get(k));
          ImageMatch match = ImageMatcher.match(truth.boxes(unit), results.boxes(unit),
              CocoProtocol.AREAS.get(a), largestLimit);
          if (match != null) {
            matches.add(match);
          }
        }
        int counted = matches.stream().mapToInt(ImageMatch::countedTruths).sum();
        if (counted == 0) {
          continue;
        }
        for (int m = 0; m < CocoProtocol.MAX_DETECTIONS.length; m++) {
          fill(table, k, a, m, matches, counted);
        }
      }
    }
    return table;
  }

  /**
   * Pools the first detections of every image up to the limit and ranks them by score across
   * images; ties keep image order, as COCOeval's stable sort does.
   */
  private static void fill(PrecisionTable table, int k, int a, int m, List<ImageMatch> matches,
      int counted) {
    int limit = CocoProtocol.MAX_DETECTIONS[m];
    int thresholds = CocoProtocol.IOU_THRESHOLDS.length;
    List<Integer> images = new ArrayList<>();
    List<Integer> ranks = new ArrayList<>();
    for (int i = 0; i < matches.size(); i++) {
      for (int d = 0; d < Math.min(limit, matches.get(i).scores().length); d++) {
        images.add(i);
        ranks.add(d);
      }
    }
    Integer[] ranking = IntStream.range(0, images.size()).boxed().toArray(Integer[]::new);
    // Arrays.sort on objects is a stable merge sort; the comparison treats -0.0 and 0.0 as
    // equal, as numpy does, where Double.compare would not.
    Arrays.sort(ranking, (x, y) -> {
      double sx = matches.get(images.get(x)).scores()[ranks.get(x)];
      double sy = matches.get(images.get(y)).scores()[ranks.get(y)];
      return sx > sy ? -1 : sx < sy ? 1 : 0;
    });
    boolean[][] matched = new boolean[thresholds][ranking.length];
    boolean[][] ignored = new boolean[thresholds][ranking.length];
    for (int r = 0; r < ranking.length; r++) {
      ImageMatch match = matches.get(images.get(ranking[r]));
      int rank = ranks.get(ranking[r]);
      for (int t = 0; t < thresholds; t++) {
        matched[t][r] = match.matched()[t][rank];
        ignored[t][r] = match.ignored()[t][rank];
      }
    }
    table.fill(k, a, m, matched, ignored, counted);
  }

  private static CocoEvaluation summarize(PrecisionTable table, CocoGroundTruth truth) {
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
