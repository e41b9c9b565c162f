package io.admlops.activities.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.analyze.AnalysisResult.ClassStats;
import io.admlops.activities.analyze.AnalysisResult.Coverage;
import io.admlops.activities.analyze.AnalysisResult.SceneCounts;
import io.admlops.activities.analyze.AnalysisResult.TargetCheck;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.schemas.UserInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks a dataset against its definition's coverage targets:
 * <pre>
 * targets:
 *   minInstancesPerClass: {car: 1000, pedestrian: 500}
 *   minFramesPerCondition: {timeOfDay: {night: 500}, weather: {foggy: 200}}
 * </pre>
 * A malformed target is refused with its path in the definition rather than skipped, as a
 * target silently ignored would report a coverage nobody checked.
 */
final class CoverageCheck {

  static final String MIN_INSTANCES = "minInstancesPerClass";
  static final String MIN_FRAMES = "minFramesPerCondition";

  private final DatasetDefinition definition;

  private CoverageCheck(DatasetDefinition definition) {
    this.definition = definition;
  }

  /**
   * Each target with the dataset's actual number.
   *
   * @throws UserInputException naming the definition and the target's path when a target is
   *     not a positive whole number or names no known target or condition
   */
  static Coverage check(DatasetDefinition definition, Map<String, ClassStats> classes,
      SceneCounts scenes) {
    return new CoverageCheck(definition).check(classes, scenes);
  }

  private Coverage check(Map<String, ClassStats> classes, SceneCounts scenes) {
    JsonNode targets = definition.targets();
    if (targets == null || targets.isMissingNode() || targets.isNull()) {
      return Coverage.NONE;
    }
    requireMapping(targets, "targets");
    targets.fieldNames().forEachRemaining(name -> {
      if (!MIN_INSTANCES.equals(name) && !MIN_FRAMES.equals(name)) {
        throw refused("targets." + name, "is not a known target; use " + MIN_INSTANCES
            + " or " + MIN_FRAMES);
      }
    });
    Map<String, TargetCheck> instances = new LinkedHashMap<>();
    JsonNode perClass = targets.path(MIN_INSTANCES);
    requireMapping(perClass, "targets." + MIN_INSTANCES);
    perClass.fields().forEachRemaining(e -> {
      ClassStats stats = classes.get(e.getKey());
      long target = positiveWhole(e.getValue(), "targets." + MIN_INSTANCES + "." + e.getKey());
      instances.put(e.getKey(), TargetCheck.of(stats == null ? 0 : stats.objects(), target));
    });
    Map<String, Map<String, TargetCheck>> frames = new LinkedHashMap<>();
    JsonNode perCondition = targets.path(MIN_FRAMES);
    requireMapping(perCondition, "targets." + MIN_FRAMES);
    perCondition.fields().forEachRemaining(e -> frames.put(e.getKey(),
        conditionTargets(e.getKey(), e.getValue(), scenes)));
    return new Coverage(instances, frames);
  }

  private Map<String, TargetCheck> conditionTargets(String condition, JsonNode values,
      SceneCounts scenes) {
    String path = "targets." + MIN_FRAMES + "." + condition;
    Map<String, Long> counts = scenes.condition(condition);
    if (counts == null) {
      throw refused(path, "is not a scene condition; use one of "
          + String.join(", ", SceneVocabulary.CONDITIONS));
    }
    requireMapping(values, path);
    Map<String, TargetCheck> checks = new LinkedHashMap<>();
    values.fields().forEachRemaining(e -> checks.put(e.getKey(), TargetCheck.of(
        counts.getOrDefault(e.getKey(), 0L), positiveWhole(e.getValue(),
            path + "." + e.getKey()))));
    return checks;
  }

  /** A missing section is no target; anything else but a mapping is an error. */
  private void requireMapping(JsonNode node, String path) {
    if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
      throw refused(path, "must be a mapping, got " + node);
    }
  }

  private long positiveWhole(JsonNode node, String path) {
    if (!node.canConvertToExactIntegral() || node.asLong() < 1) {
      throw refused(path, "must be a positive whole number, got " + node);
    }
    return node.asLong();
  }

  private UserInputException refused(String path, String problem) {
    return new UserInputException("dataset definition '" + definition.name() + "': " + path
        + " " + problem);
  }
}
