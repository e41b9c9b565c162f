package io.admlops.workflows.loop;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The loop journal on the cpu queue: what campaigns and iterations did, written to
 * PostgreSQL as it happens ({@code campaign}, {@code iteration}, {@code iteration_stage},
 * {@code annotation_batch}), so loop history can be read without Temporal and after its
 * retention has dropped closed iterations. Every write is an upsert; a retry changes nothing
 * a first attempt wrote, and a write older than what a row holds does not roll it back.
 */
@ActivityInterface
public interface LoopJournal {

  /** The campaign's row: its config and status as of {@code entry.at}. */
  @ActivityMethod
  void campaign(CampaignEntry entry);

  /**
   * An iteration began: its row, and the campaign's row when the campaign has none yet (a
   * campaign run started before the journal existed). An iteration number a campaign of the
   * same name used before starts over with no stages.
   */
  @ActivityMethod
  void iterationStarted(IterationStart start);

  /** A stage entered, waiting, or left; the iteration's current stage follows it. */
  @ActivityMethod
  void stage(StageEntry entry);

  /** An iteration ended; the stages it never reached are recorded as skipped. */
  @ActivityMethod
  void iterationEnded(IterationEnd end);

  /** The iteration stopped waiting for a labeling batch. */
  @ActivityMethod
  void batchAbandoned(BatchAbandoned abandoned);
}
