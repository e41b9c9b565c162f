package io.admlops.activities.evaluate.slices;

import io.admlops.activities.evaluate.coco.CocoStat;
import io.admlops.activities.store.Sha256;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model's detections on a set of frames, evaluated overall and per slice.
 *
 * @param frameIds the frames evaluated, sorted; two evaluations compare only on equal sets
 * @param stats COCO's twelve summary statistics over all frames, -1 where not measurable
 * @param overall the metrics over all frames
 * @param slices the metrics of each slice by key ({@code timeofday=night}, {@code size=small},
 *     ...), in the order {@link SliceEvaluator} lists them
 */
public record SliceEvaluation(List<String> frameIds, Map<CocoStat, Double> stats,
    SliceResult overall, Map<String, SliceResult> slices) {

  public SliceEvaluation {
    frameIds = frameIds.stream().sorted().toList();
    stats = Collections.unmodifiableMap(new EnumMap<>(stats));
    slices = Collections.unmodifiableMap(new LinkedHashMap<>(slices));
  }

  /** SHA-256 of the sorted frame ids, one per line: the frame set's identity when stored. */
  public String frameSetSha256() {
    return Sha256.of(String.join("\n", frameIds));
  }
}
