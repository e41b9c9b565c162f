package io.admlops.workflows.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the campaign and its iterations write to the loop journal, on Temporal's
 * time-skipping test service with every stage simulated: each stage entered and left with
 * its outputs, the wait for labels, early ends, give-ups and failures, and the campaign's
 * status. A journal that cannot be written does not stop the loop.
 */
class LoopJournalWorkflowTest {

  private static final String EXPORT_MATCHES =
      "ONNX export matches DJL on 8 frames: heatmap differs by up to 2.1e-06 (allowed 1e-04)";

  /** Model version n scores 0.25 n, exactly, so the journaled numbers read plainly. */
  private static SimulatedWorld improving() {
    return new SimulatedWorld(1, version -> 0.25 * version);
  }

  @Test
  void anIterationJournalsEveryStageWithItsOutputsAndTheWaitForLabels() {
    RecordedJournal journal = new RecordedJournal();
    try (CampaignHarness h = new CampaignHarness(improving(), journal)) {
      h.start(CampaignHarness.config(2, 4, false));

      h.runVendor(Duration.ofDays(3), b -> "file:///labels/" + b.batchId(), Duration.ofDays(30));

      assertFalse(h.open());
      assertEquals(List.of("started",
          "train running",
          "train completed {candidate=centernet-tiny:1}",
          "evaluate running",
          "evaluate completed {candidate=centernet-tiny:1, benchmark=drive:1, split=test, "
              + "map=0.25}",
          "deploy running",
          "deploy completed {promoted=true, production=centernet-tiny:1, outcome=promoted "
              + "centernet-tiny:1 to production, reasons=[no production model yet: "
              + "centernet-tiny:1 becomes the first, " + EXPORT_MATCHES + "]}",
          "ended completed: promoted centernet-tiny:1 to production"), journal.iteration(1));
      assertEquals(List.of("started",
          "collect running",
          "collect completed {frames=400, manifest=collected/gen-102/frames.jsonl}",
          "analyze running",
          "analyze completed {report=reports/drive-1}",
          "mine running",
          "mine completed {chosen=40, manifest=mined/collected/gen-102/frames.jsonl, "
              + "reasons={mined:rare:night=40}, strategy=mined}",
          "annotate running",
          "annotate waiting {batch=lb-night-2, frames=40, rework=0}",
          "annotate running",
          "annotate completed {batch=lb-night-2, frames=40, rework=0, "
              + "accepted=labeled/lb-night-2}",
          "convert running",
          "convert completed {datasetVersion=drive:2}",
          "train running",
          "train completed {candidate=centernet-tiny:2}",
          "evaluate running",
          "evaluate completed {candidate=centernet-tiny:2, benchmark=drive:2, split=test, "
              + "map=0.5}",
          "deploy running",
          "deploy completed {promoted=true, production=centernet-tiny:2, outcome=promoted "
              + "centernet-tiny:2 to production, reasons=[overall mAP 0.5000 against "
              + "production's 0.2500, timeofday=night improved, " + EXPORT_MATCHES + "]}",
          "ended completed: promoted centernet-tiny:2 to production"), journal.iteration(2));
      // The wait is on the workflow's clock: the vendor took three days.
      List<StageEntry> annotate = journal.stages(2).stream()
          .filter(s -> s.stage().equals("annotate")).toList();
      long waited = annotate.get(2).at() - annotate.get(1).at();
      assertTrue(waited >= Duration.ofDays(3).toMillis(), "waited " + waited + " ms");
      assertEquals(h.campaign().history().get(1), journal.end(2).summary());
      assertEquals(List.of("running", "completed"), journal.campaignStatuses());
      assertEquals("night", journal.campaignEntries().get(0).config().name());
    }
  }

  @Test
  void aCancelledCampaignJournalsItselfAndTheIterationItCancelledAsCancelled() {
    RecordedJournal journal = new RecordedJournal();
    try (CampaignHarness h = new CampaignHarness(improving(), journal)) {
      h.start(CampaignHarness.config(3, 4, false));
      // The first model trains at once; the second iteration waits for labels a week later.
      // Cancelled half a day between two daily reminders, and then given a minute at a time,
      // so that no reminder activity is scheduled meanwhile: Temporal's test service strands a
      // workflow that cancels an activity scheduled but not yet started (ACTIVITY_UNKNOWN),
      // which a real server cancels. Waiting on the result instead would let time run on to
      // the next reminder.
      h.env.sleep(Duration.ofDays(8).plusHours(12));

      WorkflowStub campaign = h.client().newUntypedWorkflowStub(CampaignHarness.ID);
      campaign.cancel();
      for (int minute = 0; minute < 120 && h.open(); minute++) {
        h.env.sleep(Duration.ofMinutes(1));
      }

      assertFalse(h.open());
      WorkflowFailedException ended =
          assertThrows(WorkflowFailedException.class, () -> campaign.getResult(Void.class));
      assertInstanceOf(CanceledFailure.class, ended.getCause());
      List<String> second = journal.iteration(2);
      assertEquals(List.of("annotate waiting {batch=lb-night-2, frames=40, rework=0}",
          "annotate cancelled", "ended cancelled"),
          second.subList(second.size() - 3, second.size()));
      assertEquals(List.of("running", "cancelled"), journal.campaignStatuses());
    }
  }

  @Test
  void anIterationWithoutLabelBudgetEndsAfterAnalyzeAndJournalsNoLaterStage() {
    RecordedJournal journal = new RecordedJournal();
    try (CampaignHarness h = new CampaignHarness(improving(), journal)) {
      CampaignConfig c = CampaignHarness.config(3, 4, false);
      h.start(new CampaignConfig(c.name(), c.dataset(), null, c.modelConfig(), c.collect(),
          c.mining(), new CampaignConfig.Labeling(40, "simulated", "P1D", "P14D", 2, null, 0),
          c.deploy(), null, c.cadence(), c.iterations(), c.continueAsNewEvery()));

      h.runVendor(Duration.ofDays(1), b -> "file:///labels/" + b.batchId(), Duration.ofDays(30));

      assertEquals(List.of("started",
          "collect running",
          "collect completed {frames=400, manifest=collected/gen-103/frames.jsonl}",
          "analyze running",
          "analyze completed {report=reports/drive-2}",
          "ended completed: labeling budget spent: nothing sent for labeling"),
          journal.iteration(3));
    }
  }

  @Test
  void labelsNeverReturnedAreGivenUpAndTheBatchIsAbandoned() {
    RecordedJournal journal = new RecordedJournal();
    try (CampaignHarness h = new CampaignHarness(improving(), journal)) {
      h.start(CampaignHarness.config(2, 4, false));

      h.env.sleep(Duration.ofDays(25));

      assertFalse(h.open());
      String why = "labels for batch lb-night-2 were not returned within P14D";
      List<String> lines = journal.iteration(2);
      assertEquals(List.of(
          "annotate running",
          "annotate waiting {batch=lb-night-2, frames=40, rework=0}",
          "annotate completed {batch=lb-night-2, frames=40, rework=0, gaveUp=" + why + "}",
          "ended completed: " + why), lines.subList(lines.size() - 4, lines.size()));
      assertEquals(List.of("lb-night-2"), journal.abandonedBatches());
    }
  }

  @Test
  void labelsSentBackForReworkAreAwaitedAgainWithTheReworkCounted() {
    RecordedJournal journal = new RecordedJournal();
    try (CampaignHarness h = new CampaignHarness(improving(), journal)) {
      h.start(CampaignHarness.config(2, 4, false));

      h.runVendor(Duration.ofDays(2), b -> b.rework() == 0 ? "file:///labels/bad-first"
          : "file:///labels/fixed", Duration.ofDays(30));

      assertEquals(List.of(
          "annotate running",
          "annotate waiting {batch=lb-night-2, frames=40, rework=0}",
          "annotate running",
          "annotate waiting {batch=lb-night-2, frames=40, rework=1}",
          "annotate running",
          "annotate completed {batch=lb-night-2, frames=40, rework=1, "
              + "accepted=labeled/lb-night-2}"),
          journal.iteration(2).stream().filter(l -> l.startsWith("annotate")).toList());
    }
  }

  @Test
  void aCandidateAwaitingApprovalLeavesDeployWaitingUntilItIsDecided() {
    RecordedJournal journal = new RecordedJournal();
    try (CampaignHarness h = new CampaignHarness(improving(), journal)) {
      h.start(CampaignHarness.config(2, 4, true));
      h.env.sleep(Duration.ofDays(8));
      h.campaign().annotationsReturned(
          new AnnotationsReturned("lb-night-2", "file:///ok", "cvat"));
      h.env.sleep(Duration.ofHours(2));
      assertEquals("deploy waiting", last(journal.iteration(2)));

      h.campaign().approveDeployment("looked at the night slice");
      h.env.sleep(Duration.ofHours(1));

      List<String> deploy = journal.iteration(2).stream()
          .filter(l -> l.startsWith("deploy")).toList();
      assertEquals(List.of("deploy running", "deploy waiting", "deploy running"),
          deploy.subList(0, 3));
      assertTrue(deploy.get(3).startsWith("deploy completed {promoted=true"), deploy.get(3));
    }
  }

  @Test
  void aFailedStageIsJournaledFailedAndTheFailureStillReachesTheCampaign() {
    SimulatedWorld world = improving();
    world.untrainable.add("drive:2");
    RecordedJournal journal = new RecordedJournal();
    try (CampaignHarness h = new CampaignHarness(world, journal)) {
      h.start(CampaignHarness.config(2, 4, false));

      h.runVendor(Duration.ofDays(1), b -> "file:///labels/" + b.batchId(), Duration.ofDays(30));

      List<String> lines = journal.iteration(2);
      assertEquals(List.of(
          "convert completed {datasetVersion=drive:2}",
          "train running",
          "train failed {error=drive:2 has no training split}",
          "ended failed"), lines.subList(lines.size() - 4, lines.size()));
      assertNull(journal.end(2).summary());
      assertEquals("failed: drive:2 has no training split",
          h.campaign().history().get(1).outcome());
    }
  }

  @Test
  void pauseResumeAndUpdateConfigAreJournaledAsTheCampaignsStatusAndConfig() {
    RecordedJournal journal = new RecordedJournal();
    try (CampaignHarness h = new CampaignHarness(improving(), journal)) {
      CampaignConfig weekly = CampaignHarness.config(3, 4, false);
      h.start(weekly);
      h.env.sleep(Duration.ofHours(1));
      h.campaign().pause();
      h.env.sleep(Duration.ofDays(1));
      h.campaign().updateConfig(new CampaignConfig(weekly.name(), weekly.dataset(), null,
          weekly.modelConfig(), weekly.collect(), weekly.mining(), weekly.labeling(),
          weekly.deploy(), null, "P1D", weekly.iterations(), weekly.continueAsNewEvery()));
      h.env.sleep(Duration.ofDays(1));
      h.campaign().resume();
      h.env.sleep(Duration.ofHours(1));

      assertEquals(List.of("running", "paused", "paused", "running"),
          journal.campaignStatuses());
      List<CampaignEntry> entries = journal.campaignEntries();
      assertEquals("P7D", entries.get(1).config().cadence());
      assertEquals("P1D", entries.get(2).config().cadence());
      assertTrue(entries.get(2).at() - entries.get(1).at() >= Duration.ofDays(1).toMillis());
    }
  }

  @Test
  void aJournalThatCannotBeWrittenDoesNotStopTheLoop() {
    try (CampaignHarness h = new CampaignHarness(improving(), new UnreachableJournal())) {
      h.start(CampaignHarness.config(2, 4, false));

      h.runVendor(Duration.ofDays(1), b -> "file:///labels/" + b.batchId(), Duration.ofDays(30));

      assertFalse(h.open());
      List<IterationSummary> history = h.campaign().history();
      assertEquals(2, history.size());
      assertEquals("promoted centernet-tiny:2 to production", history.get(1).outcome());
    }
  }

  private static String last(List<String> lines) {
    return lines.get(lines.size() - 1);
  }

  /** A journal whose database is gone: every write fails, every retry too. */
  static class UnreachableJournal implements LoopJournal {

    @Override
    public void campaign(CampaignEntry entry) {
      throw unreachable();
    }

    @Override
    public void iterationStarted(IterationStart start) {
      throw unreachable();
    }

    @Override
    public void stage(StageEntry entry) {
      throw unreachable();
    }

    @Override
    public void iterationEnded(IterationEnd end) {
      throw unreachable();
    }

    @Override
    public void batchAbandoned(BatchAbandoned abandoned) {
      throw unreachable();
    }

    private static IllegalStateException unreachable() {
      return new IllegalStateException("connection to PostgreSQL refused");
    }
  }
}
