package io.admlops.activities.evaluate.slices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The regression table of a candidate model against the baseline (the production model), both
 * evaluated on the same frames: mAP overall and per slice, then the AP of each class, with the
 * change and a verdict per row. A change within the tolerance is no change, so that the noise
 * of a small slice does not read as a regression.
 */
public final class ModelComparison {

  /** How many frame ids a refusal names before it only counts them. */
  private static final int NAMED_FRAMES = 5;

  private final double tolerance;
  private final int frameCount;
  private final List<ComparisonRow> rows;

  private ModelComparison(double tolerance, int frameCount, List<ComparisonRow> rows) {
    this.tolerance = tolerance;
    this.frameCount = frameCount;
    this.rows = List.copyOf(rows);
  }

  /**
   * Compares two evaluations of the same frames.
   *
   * @param tolerance the largest change of AP, either way, that counts as unchanged
   * @throws UserInputException when the evaluations cover different frames, naming the frames
   *     only one of them has, or the same frames with different ground truth, naming the first
   *     slice whose counts differ
   */
  public static ModelComparison compare(SliceEvaluation baseline, SliceEvaluation candidate,
      double tolerance) {
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("a tolerance is a finite AP difference >= 0, got "
          + tolerance);
    }
    requireSameFrames(baseline, candidate);
    requireSameTruth(baseline, candidate);
    List<ComparisonRow> rows = new ArrayList<>();
    rows.add(ComparisonRow.of("overall", baseline.overall().map(), candidate.overall().map(),
        tolerance));
    baseline.slices().forEach((key, result) -> rows.add(ComparisonRow.of(key, result.map(),
        candidate.slices().get(key).map(), tolerance)));
    Set<String> classes = new LinkedHashSet<>(baseline.overall().perClassAp().keySet());
    classes.addAll(candidate.overall().perClassAp().keySet());
    for (String name : classes) {
      rows.add(ComparisonRow.of("class=" + name, baseline.overall().perClassAp().get(name),
          candidate.overall().perClassAp().get(name), tolerance));
    }
    return new ModelComparison(tolerance, baseline.frameIds().size(), rows);
  }

  private static void requireSameFrames(SliceEvaluation baseline, SliceEvaluation candidate) {
    Set<String> onlyBaseline = new LinkedHashSet<>(baseline.frameIds());
    candidate.frameIds().forEach(onlyBaseline::remove);
    Set<String> onlyCandidate = new LinkedHashSet<>(candidate.frameIds());
    baseline.frameIds().forEach(onlyCandidate::remove);
    if (!onlyBaseline.isEmpty() || !onlyCandidate.isEmpty()) {
      throw new UserInputException("the baseline and the candidate were evaluated on different"
          + " frames: " + named(onlyBaseline) + " only in the baseline, "
          + named(onlyCandidate) + " only in the candidate");
    }
  }

  private static String named(Set<String> frames) {
    if (frames.isEmpty()) {
      return "none";
    }
    List<String> shown = frames.stream().limit(NAMED_FRAMES).toList();
    return frames.size() + " (" + String.join(", ", shown)
        + (frames.size() > shown.size() ? ", ..." : "") + ")";
  }

  /** The same frames labeled differently give different counts somewhere. */
  private static void requireSameTruth(SliceEvaluation baseline, SliceEvaluation candidate) {
    if (!baseline.slices().keySet().equals(candidate.slices().keySet())) {
      throw new UserInputException("the baseline and the candidate have different slices on"
          + " the same frames: " + baseline.slices().keySet() + " and "
          + candidate.slices().keySet() + "; their ground truth differs");
    }
    requireSameCounts("overall", baseline.overall(), candidate.overall());
    baseline.slices().forEach((key, result) ->
        requireSameCounts(key, result, candidate.slices().get(key)));
  }

  private static void requireSameCounts(String key, SliceResult baseline,
      SliceResult candidate) {
    if (baseline.frameCount() != candidate.frameCount()
        || baseline.objectCount() != candidate.objectCount()) {
      throw new UserInputException("the baseline and the candidate were evaluated against"
          + " different ground truth on the same frames: " + key + " has "
          + counts(baseline) + " in the baseline, " + counts(candidate) + " in the candidate");
    }
  }

  private static String counts(SliceResult result) {
    return result.frameCount() + " frames and " + result.objectCount() + " objects";
  }

  /** Overall, every slice, every class; in that order. */
  public List<ComparisonRow> rows() {
    return rows;
  }

  /** The rows where the candidate is worse by more than the tolerance. */
  public List<ComparisonRow> regressions() {
    return rows.stream().filter(r -> r.verdict() == Verdict.REGRESSED).toList();
  }

  public double tolerance() {
    return tolerance;
  }

  /** The table as aligned text, one row per line after a header, values to three decimals. */
  public String toTable() {
    int width = rows.stream().mapToInt(r -> r.key().length()).max().orElse(0);
    String format = "%-" + Math.max(width, "row".length()) + "s  %9s  %9s  %7s  %s%n";
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, format, "row",
        "baseline", "candidate", "delta", "verdict"));
    for (ComparisonRow row : rows) {
      table.append(String.format(Locale.ROOT, format, row.key(), value("%.3f", row.baseline()),
          value("%.3f", row.candidate()), value("%+.3f", row.delta()), row.verdict().label()));
    }
    return table.toString();
  }

  private static String value(String format, Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, format, value);
  }

  /**
   * {@code {"tolerance": ..., "frames": ..., "regressions": ..., "rows": [{"key", "baseline",
   * "candidate", "delta", "verdict"}, ...]}}; values not measured are null.
   */
  public String toJson() {
    ObjectNode root = Mappers.json().createObjectNode();
    root.put("tolerance", tolerance);
    root.put("frames", frameCount);
    root.put("regressions", regressions().size());
    root.set("rows", Mappers.json().valueToTree(rows));
    try {
      return Mappers.json().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of numbers and names always serializes", e);
    }
  }
}
