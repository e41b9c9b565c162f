package io.admlops.activities.evaluate.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A case small enough to work out by hand, and the location of every fault in the two input
 * files.
 */
class CocoEvaluatorTest {

  /** Precision of a rank where every counted detection is a true positive. */
  private static final double ALL_HITS = 1 / (1 + Math.ulp(1.0));

  private static final String TRUTH = """
      {"images": [{"id": 7, "file_name": "a.png", "width": 100, "height": 100}],
       "categories": [{"id": 1, "name": "car"}, {"id": 5, "name": "truck"}],
       "annotations": [
         {"id": 1, "image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 100,
          "iscrowd": 0},
         {"id": 2, "image_id": 7, "category_id": 1, "bbox": [20, 0, 10, 10], "area": 100,
          "iscrowd": 0}]}
      """;

  @TempDir Path dir;

  /**
   * One exact hit, one hit with IoU 0.68 (a true positive at thresholds 0.50 to 0.65, a false
   * positive above) and one miss. Where both cars are found precision is 1 at every recall;
   * where only one is, it is 1 up to recall 0.5 (51 of 101 points) and 0 beyond.
   */
  @Test
  void handComputedImageWithTwoCarsAndThreeDetections() throws IOException {
    Path truth = write("gt.json", TRUTH);
    Path results = write("dt.json", """
        [{"image_id": 7, "category_id": 1, "bbox": [50, 50, 10, 10], "score": 0.7},
         {"image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.9},
         {"image_id": 7, "category_id": 1, "bbox": [20, 0, 10, 6.8], "score": 0.8}]
        """);

    CocoEvaluation evaluation = new CocoEvaluator().evaluate(truth, results);

    double oneFound = 51.0 / 101 * ALL_HITS;
    double ap = (4 * ALL_HITS + 6 * oneFound) / 10;
    assertEquals(ap, evaluation.stat(CocoStat.AP), 1e-15);
    assertEquals(ALL_HITS, evaluation.stat(CocoStat.AP50), 1e-15);
    assertEquals(oneFound, evaluation.stat(CocoStat.AP75), 1e-15);
    assertEquals(ap, evaluation.stat(CocoStat.APs), 1e-15);
    assertEquals(-1, evaluation.stat(CocoStat.APm));
    assertEquals(-1, evaluation.stat(CocoStat.APl));
    assertEquals(0.5, evaluation.stat(CocoStat.AR1), 1e-15);
    assertEquals(0.7, evaluation.stat(CocoStat.AR10), 1e-15);
    assertEquals(0.7, evaluation.stat(CocoStat.AR100), 1e-15);
    assertEquals(0.7, evaluation.stat(CocoStat.ARs), 1e-15);
    assertEquals(-1, evaluation.stat(CocoStat.ARm));
    assertEquals(-1, evaluation.stat(CocoStat.ARl));
    assertEquals(List.of("car", "truck"), List.copyOf(evaluation.perClassAp().keySet()));
    assertEquals(ap, evaluation.perClassAp().get("car"), 1e-15);
    assertEquals(-1, evaluation.perClassAp().get("truck"));
  }

  @Test
  void groundTruthAndDetectionsHeldInMemoryScoreAsTheSameFiles() throws IOException {
    Path truth = write("gt.json", TRUTH);
    Path results = write("dt.json", """
        [{"image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.9},
         {"image_id": 7, "category_id": 1, "bbox": [20, 0, 10, 6.8], "score": 0.8}]
        """);
    CocoGroundTruth inMemory = CocoGroundTruth.of(List.of(7L), Map.of(1L, "car", 5L, "truck"),
        List.of(new CocoAnnotation(1, 7, 1, 0, 0, 10, 10, 100, false),
            new CocoAnnotation(2, 7, 1, 20, 0, 10, 10, 100, false)));

    CocoEvaluation fromFiles = new CocoEvaluator().evaluate(truth, results);
    CocoEvaluation fromMemory = new CocoEvaluator().evaluate(inMemory,
        CocoDetections.of(CocoResult.read(results), inMemory));

    assertEquals(fromFiles, fromMemory);
  }

  @Test
  void sizeBandsCountTheirObjectsAndScoreLikeTheSizeStats() throws IOException {
    Path truth = write("gt.json", TRUTH);
    Path results = write("dt.json", """
        [{"image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.9}]
        """);

    CocoEvaluation evaluation = new CocoEvaluator().evaluate(truth, results);

    CocoSizeEvaluation small = evaluation.sizes().get("small");
    assertEquals(List.of("small", "medium", "large"), List.copyOf(evaluation.sizes().keySet()));
    assertEquals(1, small.images());
    assertEquals(2, small.objects());
    assertEquals(evaluation.stat(CocoStat.APs), small.ap());
    assertEquals(51.0 / 101 * ALL_HITS, small.ap50(), 1e-15);
    assertEquals(small.ap(), small.perClassAp().get("car"));
    assertEquals(0, evaluation.sizes().get("large").objects());
    assertEquals(-1, evaluation.sizes().get("large").ap());
  }

  @Test
  void toJsonNamesEveryStatAndClass() throws IOException {
    Path truth = write("gt.json", TRUTH);
    Path results = write("dt.json", """
        [{"image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.9}]
        """);

    JsonNode json = Mappers.json().readTree(new CocoEvaluator().evaluate(truth, results)
        .toJson());

    assertEquals(12, json.path("stats").size());
    assertEquals(0.5, json.path("stats").path("AR100").asDouble(), 1e-15);
    assertEquals(-1, json.path("stats").path("APl").asDouble());
    assertEquals(-1, json.path("per_class").path("truck").asDouble());
    assertTrue(json.path("per_class").path("car").asDouble() > 0);
  }

  /**
   * The order of COCO's own files: categories after annotations. An annotation of an image
   * the file does not list, and one of an unlisted category, take no part, as in COCOeval.
   */
  @Test
  void categoriesAfterAnnotationsAndAnnotationsOfUnlistedImagesScoreAsInCocoeval()
      throws IOException {
    Path truth = write("gt.json", """
        {"info": {"year": 2017}, "images": [{"id": 7}],
         "annotations": [
           {"id": 1, "image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 100},
           {"id": 3, "image_id": 9, "category_id": 1, "bbox": [50, 50, 10, 10], "area": 100},
           {"id": 4, "image_id": 7, "category_id": 2, "bbox": [50, 50, 10, 10], "area": 100},
           {"id": 2, "image_id": 7, "category_id": 1, "bbox": [20, 0, 10, 10], "area": 100}],
         "categories": [{"id": 1, "name": "car"}]}
        """);
    Path results = write("dt.json", """
        [{"image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.9},
         {"image_id": 7, "category_id": 1, "bbox": [20, 0, 10, 10], "score": 0.8}]
        """);

    CocoEvaluation evaluation = new CocoEvaluator().evaluate(truth, results);

    assertEquals(ALL_HITS, evaluation.stat(CocoStat.AP), 1e-15);
    assertEquals(1, evaluation.stat(CocoStat.AR100), 1e-15);
    assertEquals(List.of("car"), List.copyOf(evaluation.perClassAp().keySet()));
  }

  @Test
  void aMissingAnnotationListIsNamed() throws IOException {
    Path truth = write("gt.json", """
        {"images": [{"id": 7}], "categories": [{"id": 1, "name": "car"}]}
        """);
    Path results = write("dt.json", "[]");

    UserInputException e = assertThrows(UserInputException.class,
        () -> new CocoEvaluator().evaluate(truth, results));

    assertEquals(truth + "#/annotations: expected an array", e.getMessage());
  }

  @Test
  void aTruncatedResultsFileIsNamedAtItsLine() throws IOException {
    Path truth = write("gt.json", TRUTH);
    Path results = write("dt.json", """
        [{"image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.9},
         {"image_id": 7, "category_id": 1, "bbox": [0, 0,""");

    UserInputException e = assertThrows(UserInputException.class,
        () -> new CocoEvaluator().evaluate(truth, results));

    assertTrue(e.getMessage().startsWith(results + ":2:"), e.getMessage());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'image_id': 8, 'category_id': 1, 'bbox': [0, 0, 1, 1], 'score': 0.5}"
          + "|/1/image_id|image 8 is not in the ground truth",
      "{'image_id': 7, 'category_id': 2, 'bbox': [0, 0, 1, 1], 'score': 0.5}"
          + "|/1/category_id|category 2 is not in the ground truth",
      "{'image_id': 7, 'category_id': 1, 'bbox': [0, 0, 1], 'score': 0.5}"
          + "|/1/bbox|bbox must be 4 finite numbers",
      "{'image_id': 7, 'category_id': 1, 'bbox': [0, 0, 1, 'a'], 'score': 0.5}"
          + "|/1/bbox|bbox must be 4 finite numbers",
      "{'image_id': 7, 'category_id': 1, 'bbox': [0, 0, 1, 1], 'score': NaN}"
          + "|/1/score|score is NaN",
      "{'image_id': 7, 'category_id': 1, 'bbox': [0, 0, 1, 1]}"
          + "|/1/score|score must be a number",
      "{'image_id': '7', 'category_id': 1, 'bbox': [0, 0, 1, 1], 'score': 0.5}"
          + "|/1/image_id|image_id must be an integer"})
  void aFaultyDetectionIsNamedByFileAndPointer(String detection, String pointer,
      String message) throws IOException {
    Path truth = write("gt.json", TRUTH);
    Path results = write("dt.json", "[{\"image_id\": 7, \"category_id\": 1, \"bbox\": "
        + "[0, 0, 10, 10], \"score\": 0.9},\n" + detection.replace('\'', '"') + "]");

    UserInputException e = assertThrows(UserInputException.class,
        () -> new CocoEvaluator().evaluate(truth, results));

    assertTrue(e.getMessage().startsWith(results + "#" + pointer + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'area': 100, 'iscrowd': 0|/annotations/0/id|id must be an integer",
      "'id': 1, 'image_id': 7, 'category_id': 1, 'bbox': [0, 0, 10, 10], 'iscrowd': 0"
          + "|/annotations/0/area|area must be a number",
      "'id': 1, 'image_id': 7, 'category_id': 1, 'bbox': [0, 0, 10], 'area': 1"
          + "|/annotations/0/bbox|bbox must be 4 finite numbers",
      "'id': 1, 'category_id': 1, 'bbox': [0, 0, 10, 10], 'area': 1"
          + "|/annotations/0/image_id|image_id must be an integer"})
  void aFaultyAnnotationIsNamedByFileAndPointer(String annotation, String pointer,
      String message) throws IOException {
    Path truth = write("gt.json", ("{'images': [{'id': 7}], 'categories': [{'id': 1, "
        + "'name': 'car'}], 'annotations': [{" + annotation + "}]}").replace('\'', '"'));
    Path results = write("dt.json", "[]");

    UserInputException e = assertThrows(UserInputException.class,
        () -> new CocoEvaluator().evaluate(truth, results));

    assertTrue(e.getMessage().startsWith(truth + "#" + pointer + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void twoCategoriesWithOneNameAreNamedAtTheSecond() throws IOException {
    Path truth = write("gt.json", """
        {"images": [], "annotations": [],
         "categories": [{"id": 1, "name": "car"}, {"id": 4, "name": "car"}]}
        """);
    Path results = write("dt.json", "[]");

    UserInputException e = assertThrows(UserInputException.class,
        () -> new CocoEvaluator().evaluate(truth, results));

    assertTrue(e.getMessage().startsWith(truth + "#/categories/1/name: "), e.getMessage());
    assertTrue(e.getMessage().contains("also used by category 1"), e.getMessage());
  }

  @Test
  void resultsThatAreNotAListAreNamedAtTheRoot() throws IOException {
    Path truth = write("gt.json", TRUTH);
    Path results = write("dt.json", "{\"annotations\": []}");

    UserInputException e = assertThrows(UserInputException.class,
        () -> new CocoEvaluator().evaluate(truth, results));

    assertEquals(results + "#: expected an array", e.getMessage());
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
