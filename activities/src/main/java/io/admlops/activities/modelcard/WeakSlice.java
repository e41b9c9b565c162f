package io.admlops.activities.modelcard;

import io.admlops.activities.modelzoo.ModelLineage.Evaluation;
import io.admlops.activities.modelzoo.ModelLineage.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A slice where a model is known to be weak, with why in numbers: its mAP is far below the
 * model's overall mAP on the same frames, or below the baseline's on the same slice.
 *
 * @param key the slice, e.g. {@code timeofday=night}
 * @param map its mAP
 * @param why the finding, with the numbers
 */
public record WeakSlice(String key, double map, String why) {

  /** A slice below this share of the overall mAP is far below it. */
  static final double FAR_BELOW_SHARE = 0.5;
  /** A slice this much mAP below the baseline's has regressed, beyond evaluation noise. */
  static final double REGRESSION = 0.01;

  /**
   * The weak slices of one evaluation, in slice order; a slice that is both far below overall
   * and regressed is listed once with both findings.
   *
   * @param baseline the baseline's evaluation on the same data, split and protocol, or null
   * @param baselineLabel the baseline version, e.g. {@code centernet:2}, when there is one
   */
  static List<WeakSlice> of(Evaluation evaluation, Evaluation baseline, String baselineLabel) {
    Map<String, Slice> before = baseline == null ? Map.of() : baseline.slices().stream()
        .collect(Collectors.toMap(Slice::key, Function.identity()));
    List<WeakSlice> weak = new ArrayList<>();
    for (Slice slice : evaluation.slices()) {
      if (slice.map() == null) {
        continue;
      }
      List<String> findings = new ArrayList<>();
      if (slice.map() < FAR_BELOW_SHARE * evaluation.map()) {
        findings.add(String.format(Locale.ROOT, "less than half the overall mAP %.4f",
            evaluation.map()));
      }
      Slice earlier = before.get(slice.key());
      if (earlier != null && earlier.map() != null
          && earlier.map() - slice.map() > REGRESSION) {
        findings.add(String.format(Locale.ROOT, "%.4f below %s's %.4f", earlier.map()
            - slice.map(), baselineLabel, earlier.map()));
      }
      if (!findings.isEmpty()) {
        weak.add(new WeakSlice(slice.key(), slice.map(), String.join("; ", findings)));
      }
    }
    return weak;
  }
}
