package io.admlops.activities.train;

import static io.admlops.schemas.db.Tables.MODEL;
import static io.admlops.schemas.db.Tables.TRAINING_RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admlops.activities.store.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrainingRunLogTest {

  private static final String CONFIG = "{\"model\": \"centernet-r18\", \"epochs\": 3}";

  private DSLContext dsl;
  private TrainingRunLog log;
  private long fleetV2;

  @BeforeEach
  void freshRegistryWithADatasetVersion() {
    dsl = TestDatabase.freshRegistry().dsl();
    log = new TrainingRunLog(dsl);
    fleetV2 = SampleRuns.datasetVersion(dsl, "fleet", 2);
  }

  @Test
  void beginningAgainWithTheSameKeyReopensTheSameRun() {
    long id = log.begin("iter-3-train", "centernet-r18", fleetV2, CONFIG, 42, "gpu(0)");
    log.finish(id, false);

    long again = log.begin("iter-3-train", "centernet-r18", fleetV2, CONFIG, 42, "gpu(0)");

    assertEquals(id, again);
    TrainingRunCurves run = log.find("iter-3-train").orElseThrow();
    assertEquals("running", run.status());
    assertNull(run.finishedAt());
    assertEquals(1, dsl.fetchCount(TRAINING_RUN));
    assertEquals(1, dsl.fetchCount(MODEL));
    assertEquals("detection-2d", dsl.fetchValue(MODEL.TASK));
  }

  @Test
  void aSecondRunOfTheSameModelSharesItsModelRow() {
    long first = log.begin("run-a", "centernet-r18", fleetV2, CONFIG, 1, "cpu()");
    long second = log.begin("run-b", "centernet-r18", fleetV2, CONFIG, 2, "cpu()");

    assertFalse(first == second);
    assertEquals(1, dsl.fetchCount(MODEL));
  }

  @Test
  void aRewrittenEpochReplacesTheOneARetriedAttemptRecordedBefore() {
    long id = log.begin("iter-3-train", "centernet-r18", fleetV2, CONFIG, 42, "gpu(0)");
    log.recordEpoch(id, SampleRuns.centerNetEpoch(1, 2.5, null));
    log.recordEpoch(id, SampleRuns.centerNetEpoch(2, 1.9, 0.12));
    EpochMetrics retried = new EpochMetrics(2, 1000, 1.7, Map.of("heatmap", 1.0, "size", 0.7),
        9e-4, null, 0.15, "file:///modelzoo/run/retry-epoch-2.params");

    log.recordEpoch(id, retried);

    List<EpochMetrics> epochs = log.find(Long.toString(id)).orElseThrow().epochs();
    assertEquals(List.of(1, 2), epochs.stream().map(EpochMetrics::epoch).toList());
    assertEquals(retried, epochs.get(1));
    assertEquals(SampleRuns.centerNetEpoch(1, 2.5, null), epochs.get(0));
    assertEquals("file:///modelzoo/run/retry-epoch-2.params",
        dsl.fetchValue(TRAINING_RUN.CHECKPOINT_URI));
  }

  @Test
  void anEpochWithoutCheckpointKeepsTheRunsNewestCheckpoint() {
    long id = log.begin("iter-3-train", "centernet-r18", fleetV2, CONFIG, 42, "gpu(0)");
    log.recordEpoch(id, SampleRuns.centerNetEpoch(1, 2.5, null));

    log.recordEpoch(id, new EpochMetrics(2, 1000, 2.0, Map.of(), 1e-3, null, null, null));

    assertEquals("file:///modelzoo/run/epoch-1.params",
        dsl.fetchValue(TRAINING_RUN.CHECKPOINT_URI));
  }

  @Test
  void finishingMarksTheRunCompletedOrFailedWithItsTime() {
    long done = log.begin("done", "centernet-r18", fleetV2, CONFIG, 1, "cpu()");
    long broken = log.begin("broken", "centernet-r18", fleetV2, CONFIG, 1, "cpu()");

    log.finish(done, true);
    log.finish(broken, false);

    TrainingRunCurves completed = log.find("done").orElseThrow();
    assertEquals("completed", completed.status());
    assertNotNull(completed.finishedAt());
    assertFalse(completed.finishedAt().isBefore(completed.startedAt()));
    assertEquals("failed", log.find("broken").orElseThrow().status());
    assertThrows(IllegalArgumentException.class, () -> log.finish(done + broken, true));
  }

  @Test
  void findsARunByIdOrKeyWithWhatItTrainedOn() {
    long id = log.begin("iter-3-train", "centernet-r18", fleetV2, CONFIG, 42, "gpu(0)");
    log.recordEpoch(id, SampleRuns.centerNetEpoch(1, 2.5, 0.1));

    TrainingRunCurves byId = log.find(Long.toString(id)).orElseThrow();
    TrainingRunCurves byKey = log.find("iter-3-train").orElseThrow();

    assertEquals(byId, byKey);
    assertEquals(new TrainingRunCurves(id, "iter-3-train", "centernet-r18", "fleet:v2",
        "gpu(0)", "running", 42, byId.startedAt(), null,
        List.of(SampleRuns.centerNetEpoch(1, 2.5, 0.1))), byId);
    assertEquals(List.of("heatmap", "offset", "size"),
        List.copyOf(byId.epochs().get(0).lossParts().keySet()));
    assertEquals(Optional.empty(), log.find("no-such-run"));
    assertEquals(Optional.empty(), log.find(Long.toString(id + 1)));
  }

  @Test
  void aNumericRunKeyIsFoundWhenNoIdMatchesIt() {
    long id = log.begin("20240611", "centernet-r18", fleetV2, CONFIG, 42, "gpu(0)");

    assertEquals(id, log.find("20240611").orElseThrow().id());
  }
}
