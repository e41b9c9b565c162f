package io.admlops.activities.analyze;

import io.admlops.activities.analyze.AnalysisResult.BoxSizes;
import io.admlops.activities.analyze.AnalysisResult.ClassStats;
import io.admlops.activities.analyze.AnalysisResult.Coverage;
import io.admlops.activities.analyze.AnalysisResult.SceneCounts;
import io.admlops.activities.analyze.AnalysisResult.TargetCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a perception engineer should look at before training on a dataset, each as one
 * sentence with its numbers: classes without instances, unmet coverage targets, class
 * imbalance, scene conditions without frames, and classes made mostly of tiny boxes.
 */
final class DatasetWarnings {

  /** Largest over smallest class, in instances, from which a detector's training skews. */
  static final double IMBALANCE_RATIO = 10;

  /** Share of small boxes above which a class is mostly too small to learn well. */
  static final double TINY_SHARE = 0.5;

  private final List<String> warnings = new ArrayList<>();

  private DatasetWarnings() {}

  /**
   * The warnings for a dataset's statistics.
   *
   * @param frames frames analyzed
   * @param classes the classes known: the definition's and those seen
   * @param scenes frames per scene condition
   * @param coverage the checked targets; empty without a definition
   */
  static List<String> of(long frames, Map<String, ClassStats> classes, SceneCounts scenes,
      Coverage coverage) {
    DatasetWarnings w = new DatasetWarnings();
    if (frames == 0) {
      return List.of("the dataset has no frames");
    }
    w.classGaps(classes);
    w.unmetTargets(coverage);
    w.imbalance(classes);
    w.conditionGaps(frames, scenes);
    w.tinyBoxes(classes);
    return List.copyOf(w.warnings);
  }

  private void classGaps(Map<String, ClassStats> classes) {
    classes.forEach((name, stats) -> {
      if (stats.objects() == 0) {
        warnings.add("gap: class '" + name + "' has no instances");
      }
    });
  }

  private void unmetTargets(Coverage coverage) {
    coverage.instancesPerClass().forEach((name, check) -> {
      if (!check.met()) {
        warnings.add("target not met: class '" + name + "' has " + check.actual() + " of "
            + check.target() + " required instances (" + percent(check) + ")");
      }
    });
    coverage.framesPerCondition().forEach((condition, checks) -> checks.forEach((value, c) -> {
      if (!c.met()) {
        warnings.add("target not met: " + condition + " '" + value + "' has " + c.actual()
            + " of " + c.target() + " required frames (" + percent(c) + ")");
      }
    }));
  }

  private void imbalance(Map<String, ClassStats> classes) {
    Map.Entry<String, ClassStats> largest = null;
    Map.Entry<String, ClassStats> smallest = null;
    for (Map.Entry<String, ClassStats> e : classes.entrySet()) {
      long n = e.getValue().objects();
      if (n > 0 && (largest == null || n > largest.getValue().objects())) {
        largest = e;
      }
      if (n > 0 && (smallest == null || n < smallest.getValue().objects())) {
        smallest = e;
      }
    }
    if (largest == null) {
      return;
    }
    long most = largest.getValue().objects();
    long least = smallest.getValue().objects();
    if (most >= IMBALANCE_RATIO * least) {
      warnings.add(String.format(Locale.ROOT,
          "class imbalance: '%s' has %d instances, %.1fx the %d of '%s'",
          largest.getKey(), most, (double) most / least, least, smallest.getKey()));
    }
  }

  /**
   * A vocabulary value without frames is a gap only where the condition is labeled at all; a
   * dataset without the condition (KITTI has no weather) gets one warning for it instead.
   */
  private void conditionGaps(long frames, SceneCounts scenes) {
    for (String condition : SceneVocabulary.CONDITIONS) {
      List<String> vocabulary = SceneVocabulary.values(condition);
      if (vocabulary.isEmpty()) {
        continue;
      }
      Map<String, Long> counts = scenes.condition(condition);
      if (counts.getOrDefault(SceneVocabulary.UNKNOWN, 0L) == frames) {
        warnings.add("unknown condition: " + condition + " is not given for any of the "
            + frames + " frames");
        continue;
      }
      for (String value : vocabulary) {
        if (counts.get(value) == 0) {
          warnings.add("condition gap: no frames with " + condition + " '" + value + "'");
        }
      }
    }
  }

  private void tinyBoxes(Map<String, ClassStats> classes) {
    classes.forEach((name, stats) -> {
      BoxSizes sizes = stats.sizes();
      if (sizes.small() > TINY_SHARE * sizes.total()) {
        warnings.add(String.format(Locale.ROOT,
            "tiny boxes: %d of %d boxes of class '%s' (%.1f %%) are small (area below 32² px)",
            sizes.small(), sizes.total(), name, 100.0 * sizes.small() / sizes.total()));
      }
    });
  }

  private static String percent(TargetCheck check) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * check.ratio());
  }
}
