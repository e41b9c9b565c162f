package io.admlops.activities.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.schemas.UserInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CoverageTargetsTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "{}", "minInstancesPerClass: {}"})
  void definitionWithoutTargetsChecksNone(String targetsYaml) {
    AnalysisResult result = SampleFrames.analyzed()
        .result(SampleFrames.definition(targetsYaml));
    assertTrue(result.coverage().isEmpty());
    assertTrue(result.warnings().contains("gap: class 'cyclist' has no instances"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "minInstancesPerClass: {car: many}"
          + "| targets.minInstancesPerClass.car must be a positive whole number, got \"many\"",
      "minInstancesPerClass: {car: 0}"
          + "| targets.minInstancesPerClass.car must be a positive whole number, got 0",
      "minInstancesPerClass: {car: 2.5}"
          + "| targets.minInstancesPerClass.car must be a positive whole number, got 2.5",
      "minInstancesPerClass: [car]"
          + "| targets.minInstancesPerClass must be a mapping, got [\"car\"]",
      "minFramesPerCondition: {weather: {foggy: -3}}"
          + "| targets.minFramesPerCondition.weather.foggy must be a positive whole number, got -3",
      "minFramesPerCondition: {weather: foggy}"
          + "| targets.minFramesPerCondition.weather must be a mapping, got \"foggy\"",
      "minFramesPerCondition: {season: {winter: 10}}"
          + "| targets.minFramesPerCondition.season is not a scene condition; use one of "
          + "timeOfDay, weather, sceneType, tags",
      "minInstancePerClass: {car: 10}"
          + "| targets.minInstancePerClass is not a known target; use minInstancesPerClass or "
          + "minFramesPerCondition",
      "[car]| targets must be a mapping, got [\"car\"]"})
  void malformedTargetIsRefusedWithItsPath(String targetsYaml, String message) {
    DatasetAnalysis analysis = SampleFrames.analyzed();
    UserInputException e = assertThrows(UserInputException.class,
        () -> analysis.result(SampleFrames.definition(targetsYaml)));
    assertEquals("dataset definition 'urban': " + message, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tags", "sceneType"})
  void targetsFramesOfAnyCondition(String condition) {
    DatasetDefinition definition = SampleFrames.definition(
        "minFramesPerCondition: {" + condition + ": {tunnel: 1, 'mined:uncertainty': 1}}");
    AnalysisResult result = SampleFrames.analyzed().result(definition);
    Map<String, AnalysisResult.TargetCheck> checks =
        result.coverage().framesPerCondition().get(condition);
    long minedFrames = condition.equals("tags") ? 2 : 0;
    assertEquals(List.of(0L, minedFrames), List.of(checks.get("tunnel").actual(),
        checks.get("mined:uncertainty").actual()));
  }
}
