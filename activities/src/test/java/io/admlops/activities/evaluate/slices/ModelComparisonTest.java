package io.admlops.activities.evaluate.slices;

import static io.admlops.activities.evaluate.slices.FrozenSplit.HALF_FOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The production model finds everything by day and nothing at night; the candidate finds
 * every car and no pedestrian.
 */
class ModelComparisonTest {

  private static final double TOLERANCE = 0.01;

  private final SliceEvaluator evaluator = new SliceEvaluator();
  private final SliceEvaluation production =
      evaluator.evaluate(FrozenSplit.frames(), FrozenSplit.dayOnlyDetections());
  private final SliceEvaluation candidate =
      evaluator.evaluate(FrozenSplit.frames(), FrozenSplit.carsOnlyDetections());

  @Test
  void eachRowIsJudgedByItsChangeBeyondTheTolerance() {
    ModelComparison comparison = ModelComparison.compare(production, candidate, TOLERANCE);

    Map<String, Verdict> verdicts = comparison.rows().stream().collect(Collectors.toMap(
        ComparisonRow::key, ComparisonRow::verdict, (a, b) -> a, LinkedHashMap::new));
    assertEquals(List.of("overall", "timeofday=daytime", "timeofday=night", "weather=clear",
        "weather=foggy", "scene=city_street", "scene=highway", "tag=mined_uncertainty",
        "size=small", "size=medium", "size=large", "class=car", "class=pedestrian"),
        List.copyOf(verdicts.keySet()));
    // Overall: 51/101 for both classes before, 1 and 0 after: down by less than 0.005.
    assertEquals(Verdict.UNCHANGED, verdicts.get("overall"));
    assertEquals(Verdict.REGRESSED, verdicts.get("timeofday=daytime"));
    assertEquals(Verdict.IMPROVED, verdicts.get("timeofday=night"));
    assertEquals(Verdict.UNCHANGED, verdicts.get("scene=highway"));
    assertEquals(Verdict.REGRESSED, verdicts.get("size=small"));
    assertEquals(Verdict.UNMEASURED, verdicts.get("size=medium"));
    assertEquals(Verdict.IMPROVED, verdicts.get("size=large"));
    assertEquals(Verdict.IMPROVED, verdicts.get("class=car"));
    assertEquals(Verdict.REGRESSED, verdicts.get("class=pedestrian"));
    ComparisonRow pedestrian = comparison.rows().get(12);
    assertEquals(HALF_FOUND, pedestrian.baseline(), 1e-12);
    assertEquals(0.0, pedestrian.candidate());
    assertEquals(-HALF_FOUND, pedestrian.delta(), 1e-12);
  }

  @Test
  void aToleranceWiderThanEveryChangeLeavesEveryMeasuredRowUnchanged() {
    ModelComparison comparison = ModelComparison.compare(production, candidate, 1.0);

    assertEquals(List.of(), comparison.regressions());
    assertTrue(comparison.rows().stream().allMatch(r -> r.verdict() == Verdict.UNCHANGED
        || r.verdict() == Verdict.UNMEASURED));
  }

  @Test
  void regressionsAreTheRowsWhereTheCandidateLostMoreThanTheTolerance() {
    List<String> regressed = ModelComparison.compare(production, candidate, TOLERANCE)
        .regressions().stream().map(ComparisonRow::key).toList();

    // City street loses the pedestrians it half found and finds all its cars: 0.505 to 0.5.
    assertEquals(List.of("timeofday=daytime", "weather=clear", "size=small",
        "class=pedestrian"), regressed);
  }

  @Test
  void theTextTableHasOneAlignedLinePerRow() {
    ModelComparison comparison = ModelComparison.compare(production, candidate, TOLERANCE);

    List<String> lines = comparison.toTable().lines().toList();

    assertEquals(1 + comparison.rows().size(), lines.size());
    assertEquals(List.of("row", "baseline", "candidate", "delta", "verdict"),
        Arrays.asList(lines.get(0).trim().split("\\s+")));
    int verdictColumn = lines.get(0).indexOf("verdict");
    for (String line : lines) {
      assertTrue(line.charAt(verdictColumn - 1) == ' ' && line.charAt(verdictColumn) != ' ',
          line);
    }
    assertEquals(List.of("class=pedestrian", "0.505", "0.000", "-0.505", "regressed"),
        Arrays.asList(lines.get(13).split("\\s+")));
    assertEquals(List.of("size=medium", "-", "-", "-", "unmeasured"),
        Arrays.asList(lines.get(10).split("\\s+")));
  }

  @Test
  void theJsonHasEveryRowWithNullsWhereNothingIsMeasured() throws IOException {
    ModelComparison comparison = ModelComparison.compare(production, candidate, TOLERANCE);

    JsonNode json = Mappers.json().readTree(comparison.toJson());

    assertEquals(TOLERANCE, json.path("tolerance").asDouble());
    assertEquals(5, json.path("frames").asInt());
    assertEquals(4, json.path("regressions").asInt());
    assertEquals(13, json.path("rows").size());
    JsonNode night = json.path("rows").get(2);
    assertEquals("timeofday=night", night.path("key").asText());
    assertEquals(0.0, night.path("baseline").asDouble());
    assertEquals("improved", night.path("verdict").asText());
    JsonNode medium = json.path("rows").get(9);
    assertTrue(medium.path("baseline").isNull() && medium.path("delta").isNull());
    assertEquals("unmeasured", medium.path("verdict").asText());
  }

  @Test
  void evaluationsOfDifferentFramesAreRefusedNamingTheDifference() {
    List<Frame> otherFrames = new ArrayList<>(FrozenSplit.frames().subList(0, 4));
    otherFrames.add(FrozenSplit.frame("x9", null));
    SliceEvaluation elsewhere = evaluator.evaluate(otherFrames, List.of());

    UserInputException e = assertThrows(UserInputException.class,
        () -> ModelComparison.compare(production, elsewhere, TOLERANCE));

    assertEquals("the baseline and the candidate were evaluated on different frames: "
        + "1 (u1) only in the baseline, 1 (x9) only in the candidate", e.getMessage());
  }

  @Test
  void theSameFramesLabeledDifferentlyAreRefusedNamingASlice() {
    List<Frame> relabeled = new ArrayList<>(FrozenSplit.frames());
    Frame d2 = relabeled.get(1);
    List<FrameObject> objects = new ArrayList<>(d2.objects());
    objects.add(FrameObject.box("pedestrian", FrozenSplit.PEDESTRIAN));
    relabeled.set(1, d2.withObjects(objects));
    SliceEvaluation other = evaluator.evaluate(relabeled, FrozenSplit.carsOnlyDetections());

    UserInputException e = assertThrows(UserInputException.class,
        () -> ModelComparison.compare(production, other, TOLERANCE));

    assertEquals("the baseline and the candidate were evaluated against different ground"
        + " truth on the same frames: overall has 5 frames and 6 objects in the baseline,"
        + " 5 frames and 7 objects in the candidate", e.getMessage());
  }

  @Test
  void aNegativeToleranceIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> ModelComparison.compare(production, candidate, -0.01));
  }
}
