package io.admlops.activities.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.detector.Detection;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.detector.InputBatch;
import io.admlops.activities.detector.InputView;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.train.TrainingConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parity check on head outputs built by hand for one frame, one side standing for DJL and
 * the other for ONNX Runtime, each decoded by the detector's decoder: decisions that heads
 * within the tolerance can tip either way are excused and counted, real differences fail.
 */
class ParityCheckNearTieTest {

  private static final int HEIGHT = 32;
  private static final int WIDTH = 96;
  private static final int CELLS = HEIGHT * WIDTH;
  private static final int CAR = 0;
  private static final int PEDESTRIAN = 3;
  private static final double THRESHOLD = 0.3;
  /** The heatmap value whose score is the threshold. */
  private static final double AT_THRESHOLD = Math.log(THRESHOLD / (1 - THRESHOLD));
  private static final InputBatch ONE_FRAME = new InputBatch(new float[3 * 128 * 384],
      List.of(InputView.fit(384, 128, 384, 128)), 128, 384);

  @TempDir Path dir;
  private ModelConfig config;
  private Detector detector;

  @BeforeEach
  void decoderKeepingThreeDetections() throws IOException {
    config = TrainingConfigs.tiny(dir, 1, 1,
        "inference: {scoreThreshold: " + THRESHOLD + ", maxDetections: 3, nmsKernel: 3}");
    detector = Detector.initialize(config, ComputeDevice.local().device(), 0);
  }

  @AfterEach
  void close() {
    detector.close();
  }

  @Test
  void aScoreThatCrossesTheThresholdWithinTheToleranceIsExcused() {
    ParityReport report = check(
        road().logit(PEDESTRIAN, 20, 50, AT_THRESHOLD + 4e-5),
        road().logit(PEDESTRIAN, 20, 50, AT_THRESHOLD - 4e-5));

    assertTrue(report.passed(), report.failures().toString());
    assertEquals(3, report.djlDetections());
    assertEquals(2, report.onnxDetections());
    assertEquals(excused(1, 0, 0), report.excusedNearTies());
    assertEquals("1 excused (1 threshold)", report.describeExcusedNearTies());
  }

  @Test
  void aPeakThatMovesToANeighbourLeadingByLessThanTheToleranceIsExcused() {
    ParityReport report = check(
        road().logit(PEDESTRIAN, 20, 50, 2.00003).logit(PEDESTRIAN, 20, 51, 1.99997),
        road().logit(PEDESTRIAN, 20, 50, 1.99998).logit(PEDESTRIAN, 20, 51, 2.00002));

    assertTrue(report.passed(), report.failures().toString());
    assertEquals(excused(0, 2, 0), report.excusedNearTies());
    assertEquals(0, report.unmatchedDetections());
  }

  @Test
  void aTiedPlateauThatOneRuntimeBreaksIsExcused() {
    // As measured on a barely trained network: DJL computes two neighbours exactly equal, so
    // both are peaks, while ONNX Runtime sums in another order and differs in the last digits.
    ParityReport report = check(
        background().logit(CAR, 0, 62, 1.5).logit(CAR, 0, 63, 1.5),
        background().logit(CAR, 0, 62, 1.5).logit(CAR, 0, 63, 1.5 - 2e-6));

    assertTrue(report.passed(), report.failures().toString());
    assertEquals(2, report.djlDetections());
    assertEquals(1, report.onnxDetections());
    assertEquals(excused(0, 1, 0), report.excusedNearTies());
  }

  @Test
  void detectionsTradingPlacesAtTheCutOffWithinTheToleranceAreExcused() {
    ParityReport report = check(
        road().logit(PEDESTRIAN, 20, 30, 2.00003).logit(PEDESTRIAN, 20, 70, 2.0),
        road().logit(PEDESTRIAN, 20, 30, 1.99998).logit(PEDESTRIAN, 20, 70, 2.00002));

    assertTrue(report.passed(), report.failures().toString());
    assertEquals(3, report.djlDetections());
    assertEquals(3, report.onnxDetections());
    assertEquals(excused(0, 0, 2), report.excusedNearTies());
  }

  @Test
  void aPeakThatMovesByMoreThanTheToleranceFailsUnexcused() {
    ParityReport report = check(
        background().logit(PEDESTRIAN, 20, 50, 2.0005).logit(PEDESTRIAN, 20, 51, 1.9995),
        background().logit(PEDESTRIAN, 20, 50, 1.9995).logit(PEDESTRIAN, 20, 51, 2.0005));

    assertFalse(report.passed());
    assertEquals(List.of("heatmap differs by up to 0.00100 (allowed 1e-04)",
        "boxes differ by up to 4.00 px (allowed 1e-03)"), report.failures());
    assertEquals(0, report.excusedNearTieCount());
  }

  @Test
  void aDroppedClassFailsAlthoughWhatItPushedOutOfTheCutOffIsExcused() {
    Heads djl = road().logit(PEDESTRIAN, 20, 50, 2.9).logit(CAR, 10, 80, 1.0);
    Heads onnx = road().logit(CAR, 10, 80, 1.0);

    ParityReport report = check(djl, onnx);

    assertFalse(report.passed());
    assertEquals(List.of("heatmap differs by up to 10.9 (allowed 1e-04)",
        "1 detections have no counterpart and are no near-tie (DJL 3, ONNX Runtime 3)"),
        report.failures());
    assertEquals(excused(0, 0, 1), report.excusedNearTies());
  }

  @Test
  void aShiftedBoxFailsWithItsShift() {
    ParityReport report = check(road(), road().offset(12, 40, 1.5));

    assertFalse(report.passed());
    assertEquals(List.of("offset differs by up to 1.00 (allowed 1e-04)",
        "boxes differ by up to 4.00 px (allowed 1e-03)"), report.failures());
    assertEquals(0, report.excusedNearTieCount());
  }

  @Test
  void aBarelyLeadingPeakTheDecodingLosesFailsThoughTheHeadsAgree() {
    List<float[]> heads = road().logit(PEDESTRIAN, 20, 50, 2.00001)
        .logit(PEDESTRIAN, 20, 51, 2.0).outputs();
    List<Detection> decoded = detector.decode(heads, ONE_FRAME).get(0);
    ParityCheck check = new ParityCheck(config);

    check.add(ONE_FRAME, new ParityCheck.RuntimeOutputs(heads, List.of(decoded)),
        new ParityCheck.RuntimeOutputs(heads, List.of(decoded.subList(0, 2))));
    ParityReport report = check.report();

    assertEquals(PEDESTRIAN, decoded.get(2).classIndex());
    assertFalse(report.passed());
    assertEquals(List.of("1 detections have no counterpart and are no near-tie "
        + "(DJL 3, ONNX Runtime 2)"), report.failures());
    assertEquals(0, report.excusedNearTieCount());
  }

  private ParityReport check(Heads djl, Heads onnx) {
    ParityCheck check = new ParityCheck(config);
    check.add(ONE_FRAME, decoded(djl), decoded(onnx));
    return check.report();
  }

  private ParityCheck.RuntimeOutputs decoded(Heads heads) {
    List<float[]> outputs = heads.outputs();
    return new ParityCheck.RuntimeOutputs(outputs, detector.decode(outputs, ONE_FRAME));
  }

  private static Map<NearTie, Integer> excused(int threshold, int peak, int cutOff) {
    return Map.of(NearTie.THRESHOLD, threshold, NearTie.PEAK, peak, NearTie.CUT_OFF, cutOff);
  }

  /** Two clear cars on the background. */
  private Heads road() {
    return background().logit(CAR, 12, 40, 3.0).logit(CAR, 25, 88, 2.7);
  }

  /** Every class far below the threshold everywhere. */
  private Heads background() {
    return new Heads(config.classes().size());
  }

  /** One frame's head outputs, set cell by cell; every box is 12 x 8 input pixels. */
  private static final class Heads {
    private final float[] heatmap;
    private final float[] size = new float[2 * CELLS];
    private final float[] offset = new float[2 * CELLS];

    Heads(int classes) {
      heatmap = new float[classes * CELLS];
      Arrays.fill(heatmap, -8f);
      Arrays.fill(size, 0, CELLS, 3f);
      Arrays.fill(size, CELLS, 2 * CELLS, 2f);
      Arrays.fill(offset, 0.5f);
    }

    Heads logit(int classIndex, int row, int col, double value) {
      heatmap[classIndex * CELLS + row * WIDTH + col] = (float) value;
      return this;
    }

    /** Moves a cell's center horizontally, in cells. */
    Heads offset(int row, int col, double dx) {
      offset[row * WIDTH + col] = (float) dx;
      return this;
    }

    List<float[]> outputs() {
      return List.of(heatmap.clone(), size.clone(), offset.clone());
    }
  }
}
