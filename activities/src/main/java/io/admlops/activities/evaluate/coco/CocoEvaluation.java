package io.admlops.activities.evaluate.coco;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.schemas.json.Mappers;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of COCO box evaluation: the twelve summary statistics, the AP over IoU
 * 0.50:0.95 (all sizes, 100 detections per image) of each category by name, in category id
 * order, and the same within each size band by its label ({@code small}, {@code medium},
 * {@code large}). A value is -1 where pycocotools gives -1: no ground-truth object to measure
 * against.
 */
public record CocoEvaluation(Map<CocoStat, Double> stats, Map<String, Double> perClassAp,
    Map<String, CocoSizeEvaluation> sizes) {

  public CocoEvaluation {
    stats = Collections.unmodifiableMap(new EnumMap<>(stats));
    perClassAp = Collections.unmodifiableMap(new LinkedHashMap<>(perClassAp));
    sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
  }

  /** One summary statistic. */
  public double stat(CocoStat stat) {
    return stats.get(stat);
  }

  /** {@code {"stats": {"AP": ..., ...}, "per_class": {"car": ...}}}, for the command line. */
  public String toJson() {
    ObjectNode root = Mappers.json().createObjectNode();
    ObjectNode statNode = root.putObject("stats");
    stats.forEach((stat, value) -> statNode.put(stat.name(), value));
    ObjectNode classNode = root.putObject("per_class");
    perClassAp.forEach(classNode::put);
    try {
      return Mappers.json().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of numbers always serializes", e);
    }
  }
}
