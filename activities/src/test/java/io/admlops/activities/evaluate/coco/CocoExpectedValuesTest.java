package io.admlops.activities.evaluate.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.TestImages;
import io.admlops.schemas.json.Mappers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator against values pycocotools computed once and that are committed beside the
 * data (fixtures/coco-eval), so the comparison holds on machines without python3: crowd
 * regions, images without ground truth, a category without ground truth, tied scores and
 * an image with more than 100 detections.
 */
class CocoExpectedValuesTest {

  private static final double TOLERANCE = 1e-9;

  @TempDir Path dir;

  @Test
  void matchesTheStatisticsAndPerClassApThatPycocotoolsComputed() throws Exception {
    Path fixture = TestImages.copyFixture("coco-eval", dir);
    JsonNode expected = Mappers.json().readTree(fixture.resolve("expected.json").toFile());

    CocoEvaluation evaluation = new CocoEvaluator().evaluate(fixture.resolve("gt.json"),
        fixture.resolve("dt.json"));

    for (CocoStat stat : CocoStat.values()) {
      assertEquals(expected.get("stats").get(stat.name()).asDouble(), evaluation.stat(stat),
          TOLERANCE, stat.name());
    }
    JsonNode perClass = expected.get("per_class");
    assertEquals(perClass.size(), evaluation.perClassAp().size());
    perClass.fields().forEachRemaining(e -> assertEquals(e.getValue().asDouble(),
        evaluation.perClassAp().get(e.getKey()), TOLERANCE, e.getKey()));
  }
}
