package io.admlops.activities.mine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PeakUncertaintyTest {

  private static final double THRESHOLD = 0.3;

  @Test
  void peaksRightAtTheThresholdAreACoinToss() {
    assertEquals(1, PeakUncertainty.score(new float[] {0.3f, 0.3f}, THRESHOLD), 1e-6);
  }

  @Test
  void clearCallsAboveAndBelowTheThresholdAreCertain() {
    double certain = PeakUncertainty.score(new float[] {0.995f, 0.001f}, THRESHOLD);

    assertTrue(certain < 0.05, "uncertainty " + certain);
  }

  @Test
  void aFrameWithPeaksNearTheThresholdIsLessCertainThanOneWithConfidentPeaks() {
    double borderline = PeakUncertainty.score(new float[] {0.4f, 0.25f, 0.2f}, THRESHOLD);
    double confident = PeakUncertainty.score(new float[] {0.9f, 0.85f, 0.02f}, THRESHOLD);

    assertTrue(borderline > confident, borderline + " vs " + confident);
  }

  @Test
  void aFrameWithoutPeaksHasNothingToBeUnsureAbout() {
    assertEquals(0, PeakUncertainty.score(new float[0], THRESHOLD));
  }
}
