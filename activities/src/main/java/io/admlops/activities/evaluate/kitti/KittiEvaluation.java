package io.admlops.activities.evaluate.kitti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.schemas.json.Mappers;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** KITTI 2D AP of every benchmark class at every difficulty. */
public record KittiEvaluation(Map<KittiClass, Map<KittiDifficulty, KittiAp>> results) {

  public KittiEvaluation {
    EnumMap<KittiClass, Map<KittiDifficulty, KittiAp>> copy = new EnumMap<>(KittiClass.class);
    results.forEach((cls, byDifficulty) ->
        copy.put(cls, Collections.unmodifiableMap(new EnumMap<>(byDifficulty))));
    results = Collections.unmodifiableMap(copy);
  }

  /** The AP of one class at one difficulty. */
  public KittiAp ap(KittiClass cls, KittiDifficulty difficulty) {
    return results.get(cls).get(difficulty);
  }

  /**
   * {@code {"Car": {"easy": {"ap_r40": ..., "ap_r11": ..., "ground_truth": n}, ...}, ...}},
   * for the command line.
   */
  public String toJson() {
    ObjectNode root = Mappers.json().createObjectNode();
    results.forEach((cls, byDifficulty) -> {
      ObjectNode classNode = root.putObject(cls.label());
      byDifficulty.forEach((difficulty, ap) -> classNode.putObject(difficulty.label())
          .put("ap_r40", ap.apR40())
          .put("ap_r11", ap.apR11())
          .put("ground_truth", ap.groundTruth()));
    });
    try {
      return Mappers.json().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of numbers always serializes", e);
    }
  }
}
