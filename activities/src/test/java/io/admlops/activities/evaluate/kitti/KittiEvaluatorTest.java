package io.admlops.activities.evaluate.kitti;

import static io.admlops.activities.evaluate.kitti.KittiClass.CAR;
import static io.admlops.activities.evaluate.kitti.KittiClass.CYCLIST;
import static io.admlops.activities.evaluate.kitti.KittiClass.PEDESTRIAN;
import static io.admlops.activities.evaluate.kitti.KittiDifficulty.EASY;
import static io.admlops.activities.evaluate.kitti.KittiDifficulty.HARD;
import static io.admlops.activities.evaluate.kitti.KittiDifficulty.MODERATE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * KITTI 2D AP on cases worked out by hand from the devkit's rules.
 *
 * <p>The fixture {@code fixtures/kitti-eval} has four frames:
 * <ul>
 *   <li>000000: cars A and B, a Van, a DontCare region. Detections: 0.95 on the Van, 0.92
 *       inside the DontCare region (IoU with it only 0.36, but all of the detection is inside),
 *       0.90 on A, 0.85 a duplicate of A (IoU 0.905), 0.60 on B.
 *   <li>000001: car C only 30 px high, car E largely occluded (2). Detections: 0.80 on C, 0.75
 *       on nothing, 0.70 on E.
 *   <li>000002: pedestrians P1 and P2, a Person_sitting, a cyclist. Detections: pedestrian
 *       0.95 on the Person_sitting, 0.90 on P1, cyclist 0.80 on the cyclist, pedestrian 0.70 on
 *       P2.
 *   <li>000003: car F, and no result file: F is missed at every level.
 * </ul>
 *
 * <p>With so few objects every true-positive score becomes one threshold (see
 * {@link RecallThresholds}), so precision position k is the precision at the (k+1)-th highest
 * true-positive score, and AP_R11 sees only position 0 of these short curves.
 */
class KittiEvaluatorTest {

  private static KittiEvaluation fixture;

  @TempDir Path dir;

  @BeforeAll
  static void evaluateFixture() throws IOException, URISyntaxException {
    Path root = Path.of(KittiEvaluatorTest.class.getResource("/fixtures/kitti-eval").toURI());
    fixture = new KittiEvaluator().evaluate(root.resolve("gt"), root.resolve("dt"));
  }

  /**
   * Easy counts A, B and F; C is too small and E too occluded, and C's detection, 30 px high,
   * is itself too small to count. Thresholds are the true-positive scores 0.90 and 0.60.
   * At 0.90: A found; the Van's detection is neither right nor wrong and the one inside the
   * DontCare region is excused, so precision 1/1. At 0.60: A and B found; the duplicate of A
   * and the detection on nothing in 000001 are false positives; E's detection went to E,
   * which is not required but absorbs it: 2/4. AP_R11 = 1/11, AP_R40 = 0.5/40.
   */
  @Test
  void vanAndDontCareCostNothingWhileDuplicatesAndStrayDetectionsDoAtEasy() {
    assertAp(CAR, EASY, 3, 0.5 / 40, 1.0 / 11);
  }

  /**
   * Moderate also counts C (30 px >= 25), E is still too occluded. Thresholds 0.90, 0.80,
   * 0.60. At 0.90: 1/1. At 0.80: A, C found, duplicate false: 2/3. At 0.60: A, B, C found,
   * duplicate and stray false: 3/5. AP_R40 = (2/3 + 3/5) / 40.
   */
  @Test
  void aSmallCarIgnoredAtEasyIsCountedAtModerate() {
    assertAp(CAR, MODERATE, 4, (2.0 / 3 + 3.0 / 5) / 40, 1.0 / 11);
  }

  /**
   * Hard counts E too. Thresholds 0.90, 0.80, 0.70, 0.60: precision 1, 2/3, 3/5 (A, C, E;
   * duplicate, stray), 4/6. Taking the best precision at or beyond each position lifts 3/5 to
   * 2/3. AP_R40 = 3 * (2/3) / 40.
   */
  @Test
  void anOccludedCarIgnoredBelowHardIsCountedAtHardAndPrecisionIsInterpolated() {
    assertAp(CAR, HARD, 5, 3 * (2.0 / 3) / 40, 1.0 / 11);
  }

  /**
   * P1 (0.90) and P2 (0.70) are found; the 0.95 detection of the Person_sitting would have
   * made both precisions lower had it been a false positive: precision 1, 1.
   */
  @Test
  void aPersonSittingNeitherCountsNorPenalisesForPedestrian() {
    for (KittiDifficulty difficulty : KittiDifficulty.values()) {
      assertAp(PEDESTRIAN, difficulty, 2, 1.0 / 40, 1.0 / 11);
    }
  }

  /** One cyclist, found: one threshold, precision 1 at position 0, which only R11 samples. */
  @Test
  void aSingleFoundObjectScoresOnlyInTheElevenPointAp() {
    assertAp(CYCLIST, MODERATE, 1, 0, 1.0 / 11);
  }

  /**
   * 80 frames with a car each, the first 40 found with falling scores and no false positive:
   * recall reaches 0.5 at precision 1. With 80 objects the thresholds are the scores of true
   * positives 1, 2, 4, 6, ..., 38 and 40, 21 in all, at recall positions 0 to 20/40. AP_R40 is
   * the area under the curve, 20/40; AP_R11 also counts recall 0 and has 6 of 11 positions.
   */
  @Test
  void withManyObjectsTheFortyPointApIsTheAreaUnderTheCurve() throws IOException {
    for (int i = 0; i < 80; i++) {
      String name = String.format(Locale.ROOT, "%06d.txt", i);
      write("gt/" + name, car(100, 100, 200, 180, ""));
      if (i < 40) {
        write("dt/" + name, car(100, 100, 200, 180, String.format(Locale.ROOT, " %.2f",
            0.99 - 0.01 * i)));
      }
    }

    KittiEvaluation evaluation = new KittiEvaluator().evaluate(dir.resolve("gt"),
        dir.resolve("dt"));

    assertEquals(80, evaluation.ap(CAR, EASY).groundTruth());
    assertEquals(0.5, evaluation.ap(CAR, EASY).apR40(), 1e-15);
    assertEquals(6.0 / 11, evaluation.ap(CAR, EASY).apR11(), 1e-15);
  }

  /**
   * One car found at 0.5 and a detection at 0.9 near a DontCare region (700..800 x 100..200):
   * excused when more than 70% (the car's minimum overlap) of its own area is inside, whatever
   * its IoU with the region; a false positive otherwise. Precision at 0.5 is 1/1 or 1/2.
   */
  @ParameterizedTest
  @CsvSource({
      "710, 790, 1.0", // all inside, IoU 0.8
      "725, 825, 1.0", // 75% inside, IoU 0.6
      "760, 860, 0.5", // 40% inside
  })
  void aDetectionMostlyInsideADontCareRegionIsNoFalsePositive(int left, int right,
      double precision) throws IOException {
    write("gt/000000.txt", car(100, 100, 200, 180, "")
        + "DontCare -1 -1 -10 700 100 800 200 -1 -1 -1 -1000 -1000 -1000 -10\n");
    write("dt/000000.txt", car(left, 100, right, 200, " 0.9") + car(100, 100, 200, 180, " 0.5"));

    KittiEvaluation evaluation = new KittiEvaluator().evaluate(dir.resolve("gt"),
        dir.resolve("dt"));

    assertEquals(precision / 11, evaluation.ap(CAR, MODERATE).apR11(), 1e-15);
  }

  /**
   * A Van listed before a car on the same spot, a car detection on both at 0.5 and one 24 px
   * high at 0.9. Collecting thresholds, the Van takes the 0.9 detection (highest score) and
   * the car the 0.5 one, a true positive. At threshold 0.5 the Van takes the 0.5 detection
   * (a counted detection beats a too-small one) and the car the too-small one: no true and
   * no false positive, precision 0/0. The devkit's AP_R11 is then NaN, and so is this one.
   */
  @Test
  void aThresholdWithNothingCountedGivesNanAsInTheDevkit() throws IOException {
    write("gt/000000.txt", car(0, 0, 100, 30, "").replace("Car", "Van")
        + car(0, 0, 100, 30, ""));
    write("dt/000000.txt", car(0, 0, 100, 30, " 0.5") + car(0, 0, 100, 24, " 0.9"));

    KittiAp ap = new KittiEvaluator().evaluate(dir.resolve("gt"), dir.resolve("dt"))
        .ap(CAR, MODERATE);

    assertEquals(Double.NaN, ap.apR11());
    assertEquals(0, ap.apR40());
  }

  @Test
  void jsonHasClassThenDifficultyThenBothAps() throws IOException {
    JsonNode json = Mappers.json().readTree(fixture.toJson());

    JsonNode hard = json.path("Car").path("hard");
    assertEquals(3 * (2.0 / 3) / 40, hard.path("ap_r40").asDouble(), 1e-15);
    assertEquals(1.0 / 11, hard.path("ap_r11").asDouble(), 1e-15);
    assertEquals(5, hard.path("ground_truth").asInt());
    assertEquals(2, json.path("Pedestrian").path("easy").path("ground_truth").asInt());
    assertEquals(1, json.path("Cyclist").path("moderate").path("ground_truth").asInt());
  }

  private static void assertAp(KittiClass cls, KittiDifficulty difficulty, int groundTruth,
      double apR40, double apR11) {
    KittiAp ap = fixture.ap(cls, difficulty);
    String what = cls.label() + " " + difficulty.label();
    assertEquals(groundTruth, ap.groundTruth(), what + " objects counted");
    assertEquals(apR40, ap.apR40(), 1e-15, what + " AP_R40");
    assertEquals(apR11, ap.apR11(), 1e-15, what + " AP_R11");
  }

  private static String car(int left, int top, int right, int bottom, String score) {
    return String.format(Locale.ROOT,
        "Car 0.00 0 -1.57 %d %d %d %d 1.50 1.60 3.90 0.00 1.70 20.00 -1.57%s%n",
        left, top, right, bottom, score);
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
