package io.admlops.workflows.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.workflows.PayloadConverter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The campaign and its iterations on Temporal's time-skipping test service, with every
 * activity simulated: weeks pass in seconds, and the vendor's labels arrive days later.
 */
class CampaignWorkflowTest {

  /** Each trained version is better than the last. */
  private static SimulatedWorld improving() {
    return new SimulatedWorld(1, version -> 0.20 + 0.05 * version);
  }

  @Test
  void aSixWeekCampaignRunsWeeklyIterationsAndPromotesEachBetterModel() {
    try (CampaignHarness h = new CampaignHarness(improving())) {
      long start = h.env.currentTimeMillis();
      h.start(CampaignHarness.config(7, 4, false));

      h.runVendor(Duration.ofDays(3), b -> "file:///labels/" + b.batchId(), Duration.ofDays(60));

      assertFalse(h.open());
      List<IterationSummary> history = h.campaign().history();
      assertEquals(7, history.size());
      // A first model is trained on the seed version, then six weekly iterations follow.
      assertEquals("drive:1", history.get(0).datasetVersion());
      assertEquals(List.of("drive:2", "drive:3", "drive:4", "drive:5", "drive:6", "drive:7"),
          history.subList(1, 7).stream().map(IterationSummary::datasetVersion).toList());
      assertTrue(history.stream().allMatch(IterationSummary::promoted), history::toString);
      assertEquals("centernet-tiny:7", history.get(6).production());
      long weeks = Duration.ofMillis(h.env.currentTimeMillis() - start).toDays() / 7;
      assertEquals(6, weeks);
      // Labels came back three days after the vendor saw the batch: daily reminders went out
      // meanwhile, the first after a day, and never a fourth.
      for (int i = 2; i <= 7; i++) {
        assertEquals(1, h.world.calls("remind lb-night-" + i + " 2").size());
        assertEquals(0, h.world.calls("remind lb-night-" + i + " 4").size());
      }
      assertEquals(6, h.world.calls("collect").size());
      // The vendor's instructions travel with the request: the collected batch's ground truth.
      assertEquals(List.of("requestLabels 2 answered from ground-truth/gen-102 by the simulated "
          + "vendor"), h.world.calls("requestLabels 2 "));
      CampaignStatus status = h.campaign().status();
      assertEquals("finished", status.state());
      assertEquals(240, status.labelsSpent());
      assertEquals(0.55, status.bestMap(), 1e-9);
    }
  }

  @Test
  void labelsThatFailQaGoBackForReworkAndTheWaitRepeats() {
    try (CampaignHarness h = new CampaignHarness(improving())) {
      h.start(CampaignHarness.config(2, 4, false));

      h.runVendor(Duration.ofDays(2), b -> b.rework() == 0 ? "file:///labels/bad-first"
          : "file:///labels/fixed", Duration.ofDays(30));

      assertEquals(List.of("checkLabels file:///labels/bad-first",
          "checkLabels file:///labels/fixed"), h.world.calls("checkLabels"));
      assertEquals(List.of("requestRework lb-night-2 1"), h.world.calls("requestRework"));
      IterationSummary second = h.campaign().history().get(1);
      assertEquals(40, second.labeled());
      assertTrue(second.promoted());
      assertTrue(h.campaign().status().notes().stream()
          .anyMatch(n -> n.contains("sent back for rework 1: frame seq-1/000004")),
          () -> h.campaign().status().notes().toString());
    }
  }

  @Test
  void everyCandidateIsScoredOnTheCampaignsBenchmarkWhenItHasOne() {
    try (CampaignHarness h = new CampaignHarness(improving())) {
      CampaignConfig plain = CampaignHarness.config(3, 4, false);
      h.start(new CampaignConfig(plain.name(), plain.dataset(), null, plain.modelConfig(),
          plain.collect(), plain.mining(), plain.labeling(), plain.deploy(),
          new CampaignConfig.Benchmark("benchmark", 1), plain.cadence(), plain.iterations(),
          plain.continueAsNewEvery()));

      h.runVendor(Duration.ofDays(1), b -> "file:///labels/" + b.batchId(), Duration.ofDays(30));

      assertEquals(List.of("evaluate centernet-tiny:1 against null on benchmark:1 test",
              "evaluate centernet-tiny:2 against centernet-tiny:1 on benchmark:1 test",
              "evaluate centernet-tiny:3 against centernet-tiny:2 on benchmark:1 test"),
          h.world.calls("evaluate"));
    }
  }

  @Test
  void withoutABenchmarkACandidateIsScoredOnTheVersionItTrainedOn() {
    try (CampaignHarness h = new CampaignHarness(improving())) {
      h.start(CampaignHarness.config(2, 4, false));

      h.runVendor(Duration.ofDays(1), b -> "file:///labels/" + b.batchId(), Duration.ofDays(30));

      assertEquals(List.of("evaluate centernet-tiny:1 against null on drive:1 test",
              "evaluate centernet-tiny:2 against centernet-tiny:1 on drive:2 test"),
          h.world.calls("evaluate"));
    }
  }

  @Test
  void aCandidateThatRegressesIsNotPromoted() {
    // Version 2 is worse than version 1 overall and at night.
    SimulatedWorld regressing = new SimulatedWorld(1, v -> v == 2 ? 0.10 : 0.30);
    try (CampaignHarness h = new CampaignHarness(regressing)) {
      h.start(CampaignHarness.config(2, 4, false));

      h.runVendor(Duration.ofDays(1), b -> "file:///labels/" + b.batchId(), Duration.ofDays(30));

      IterationSummary second = h.campaign().history().get(1);
      assertFalse(second.promoted());
      assertEquals("centernet-tiny:1", second.production());
      assertTrue(second.reasons().get(0).contains("below production's 0.3000"),
          second.reasons().toString());
      assertEquals(List.of("promote centernet-tiny:1"), h.world.calls("promote"));
      assertEquals("centernet-tiny:1", h.campaign().status().productionModel());
    }
  }

  @Test
  void aCandidateWhoseOnnxExportDiffersFromDjlIsNotPromotedAndTheNumbersSayWhy() {
    SimulatedWorld world = improving();
    world.exportsThatDiffer.add("centernet-tiny:2");
    try (CampaignHarness h = new CampaignHarness(world)) {
      h.start(CampaignHarness.config(2, 4, false));

      h.runVendor(Duration.ofDays(1), b -> "file:///labels/" + b.batchId(), Duration.ofDays(30));

      IterationSummary second = h.campaign().history().get(1);
      assertFalse(second.promoted());
      assertEquals("centernet-tiny:1", second.production());
      assertEquals("not promoted: the ONNX export of centernet-tiny:2 does not match DJL",
          second.outcome());
      assertTrue(second.reasons().contains("ONNX export failed its parity check on 8 frames: "
          + "heatmap differs by up to 0.0312 (allowed 1e-04)"), second.reasons().toString());
      assertEquals(List.of("export centernet-tiny:1 checked on 8 frames of drive:1 test",
          "export centernet-tiny:2 checked on 8 frames of drive:2 test"),
          h.world.calls("export"));
      assertEquals(List.of("promote centernet-tiny:1"), h.world.calls("promote"));
    }
  }

  @Test
  void signalsForUnknownOrSettledBatchesChangeNothingAndSayWhy() {
    try (CampaignHarness h = new CampaignHarness(improving())) {
      h.start(CampaignHarness.config(3, 4, false));
      h.env.sleep(Duration.ofDays(8));
      CampaignStatus waiting = h.campaign().status();
      assertEquals("lb-night-2", waiting.pendingBatches().get(0).batchId());

      h.campaign().annotationsReturned(new AnnotationsReturned("lb-other", "file:///x", "cvat"));
      AnnotationsReturned labels = new AnnotationsReturned("lb-night-2", "file:///ok", "cvat");
      h.campaign().annotationsReturned(labels);
      h.env.sleep(Duration.ofHours(1));
      h.campaign().annotationsReturned(labels);
      h.env.sleep(Duration.ofHours(1));

      List<String> notes = h.campaign().status().notes();
      assertTrue(notes.contains("annotationsReturned refused: batch lb-other is not awaited; "
          + "waiting for [lb-night-2]"), notes::toString);
      assertTrue(notes.contains("duplicate annotationsReturned for batch lb-night-2 ignored: "
          + "it is settled already"), notes::toString);
      assertEquals(List.of("checkLabels file:///ok"), h.world.calls("checkLabels"));
    }
  }

  @Test
  void aPassingCandidateWaitsForApprovalWhenTheCampaignAsksForIt() {
    try (CampaignHarness h = new CampaignHarness(improving())) {
      h.start(CampaignHarness.config(2, 4, true));
      h.env.sleep(Duration.ofDays(8));
      h.campaign().annotationsReturned(
          new AnnotationsReturned("lb-night-2", "file:///ok", "cvat"));
      h.env.sleep(Duration.ofHours(2));

      assertEquals("centernet-tiny:2", h.campaign().status().awaitingApproval());
      assertEquals(List.of("promote centernet-tiny:1"), h.world.calls("promote"));
      h.campaign().approveDeployment("looked at the night slice");
      h.env.sleep(Duration.ofHours(1));

      assertFalse(h.open());
      assertEquals(List.of("promote centernet-tiny:1", "promote centernet-tiny:2"),
          h.world.calls("promote"));
      assertTrue(h.campaign().history().get(1).reasons()
          .contains("approved: looked at the night slice"));
      assertNull(h.campaign().status().awaitingApproval());
    }
  }

  @Test
  void continueAsNewCarriesTheBudgetHistoryAndProductionModel() {
    try (CampaignHarness h = new CampaignHarness(improving())) {
      h.start(CampaignHarness.config(5, 2, false));

      h.runVendor(Duration.ofDays(1), b -> "file:///labels/" + b.batchId(), Duration.ofDays(60));

      List<IterationSummary> history = h.campaign().history();
      assertEquals(List.of(1, 2, 3, 4, 5),
          history.stream().map(IterationSummary::iteration).toList());
      CampaignStatus status = h.campaign().status();
      assertEquals(160, status.labelsSpent());
      assertEquals("centernet-tiny:5", status.productionModel());
      assertEquals("drive:5", status.datasetVersion());
      // The model config was resolved once, by the first run; later runs carried it.
      assertEquals(List.of("start"), h.world.calls("start"));
    }
  }

  @Test
  void loweringContinueAsNewEveryBelowTheIterationsRunSoFarContinuesAsNewAtTheNextTurn() {
    try (CampaignHarness h = new CampaignHarness(improving())) {
      CampaignConfig rare = CampaignHarness.config(6, 10, false);
      h.start(rare);
      String firstRun = h.runId();
      h.runVendor(Duration.ofDays(1), b -> "file:///labels/" + b.batchId(), Duration.ofDays(16));
      assertEquals(3, h.campaign().history().size());

      h.campaign().updateConfig(new CampaignConfig(rare.name(), rare.dataset(), null,
          rare.modelConfig(), rare.collect(), rare.mining(), rare.labeling(), rare.deploy(),
          null, rare.cadence(), rare.iterations(), 2));
      h.runVendor(Duration.ofDays(1), b -> "file:///labels/" + b.batchId(), Duration.ofDays(60));

      assertFalse(h.open());
      assertNotEquals(firstRun, h.runId(), "the campaign continued as new");
      assertEquals(List.of(1, 2, 3, 4, 5, 6),
          h.campaign().history().stream().map(IterationSummary::iteration).toList());
    }
  }

  @Test
  void aConfigUpdatedDuringTheLastIterationBeforeContinueAsNewAppliesToTheNextRun() {
    try (CampaignHarness h = new CampaignHarness(improving())) {
      CampaignConfig five = CampaignHarness.config(5, 2, false);
      h.start(five);
      String firstRun = h.runId();
      // The first model trains at once; the second iteration starts a week later and waits
      // for its labels, the run's last iteration before it continues as new.
      h.env.sleep(Duration.ofDays(8));
      assertEquals(2, h.campaign().status().iteration());
      assertEquals(1, h.campaign().status().pendingBatches().size());

      h.campaign().updateConfig(new CampaignConfig(five.name(), five.dataset(), null,
          five.modelConfig(), five.collect(), five.mining(), five.labeling(), five.deploy(),
          null, five.cadence(), 3, five.continueAsNewEvery()));
      h.runVendor(Duration.ofDays(1), b -> "file:///labels/" + b.batchId(), Duration.ofDays(60));

      assertFalse(h.open());
      assertNotEquals(firstRun, h.runId(), "the campaign continued as new");
      assertEquals(List.of(1, 2, 3),
          h.campaign().history().stream().map(IterationSummary::iteration).toList());
    }
  }

  @Test
  void eachIterationIsListedUnderItsCampaignWithItsStageVersionsAndOutcome() {
    try (CampaignHarness h = new CampaignHarness(improving())) {
      h.start(CampaignHarness.config(2, 4, false));
      h.env.sleep(Duration.ofDays(8));

      Map<String, String> waiting = searchAttributes(h.describe(CampaignHarness.ID + "-iter-2"));
      assertEquals(Map.of("CampaignName", "night", "Iteration", "2", "Stage", "annotate",
          "DatasetVersion", "drive:1", "ModelVersion", "centernet-tiny:1"), waiting);
      assertTrue(memo(h.describe(CampaignHarness.ID)).contains("iteration 2 (annotate)"),
          "the campaign's memo names the stage its iteration is in");

      h.runVendor(Duration.ofDays(1), b -> "file:///labels/" + b.batchId(), Duration.ofDays(30));

      WorkflowExecutionInfo done = h.describe(CampaignHarness.ID + "-iter-2");
      assertEquals(Map.of("CampaignName", "night", "Iteration", "2", "Stage", "done",
          "DatasetVersion", "drive:2", "ModelVersion", "centernet-tiny:2"),
          searchAttributes(done));
      assertEquals("night iteration 2: promoted centernet-tiny:2 to production", memo(done));
    }
  }

  /** The attributes as the UI prints them, numbers included. */
  private static Map<String, String> searchAttributes(WorkflowExecutionInfo info) {
    Map<String, String> values = new TreeMap<>();
    info.getSearchAttributes().getIndexedFieldsMap().forEach((name, payload) -> values.put(name,
        PayloadConverter.dataConverter().fromPayload(payload, String.class, String.class)));
    values.remove("BuildIds");
    return values;
  }

  private static String memo(WorkflowExecutionInfo info) {
    return PayloadConverter.dataConverter().fromPayload(info.getMemo().getFieldsOrThrow("summary"),
        String.class, String.class);
  }

  @Test
  void pauseHoldsTheNextIterationUntilResumeAndRunNowStartsItEarly() {
    try (CampaignHarness h = new CampaignHarness(improving())) {
      h.start(CampaignHarness.config(3, 4, false));
      h.env.sleep(Duration.ofHours(1));
      h.campaign().pause();
      h.env.sleep(Duration.ofDays(20));
      assertEquals("paused", h.campaign().status().state());
      assertEquals(1, h.campaign().status().iteration());

      h.campaign().resume();
      h.campaign().runNow();
      h.env.sleep(Duration.ofHours(1));

      assertEquals(2, h.campaign().status().iteration());
      assertEquals("annotate", h.campaign().status().stage());
    }
  }
}
