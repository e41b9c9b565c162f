package io.admlops.workflows.loop;

/**
 * What an iteration tells its campaign as it goes, so the campaign's status query can say
 * it without asking the child.
 *
 * @param iteration the iteration, from 1
 * @param kind what happened
 * @param stage the stage entered ({@link Kind#STAGE})
 * @param batch the batch now awaited ({@link Kind#BATCH_PENDING}) or settled
 *     ({@link Kind#BATCH_SETTLED})
 * @param note a line for the campaign's notes, or the candidate awaiting approval
 */
public record IterationEvent(int iteration, Kind kind, String stage, PendingBatch batch,
    String note) {

  /** The kinds of event. */
  public enum Kind {
    STAGE,
    BATCH_PENDING,
    BATCH_SETTLED,
    AWAITING_APPROVAL,
    NOTE
  }
}
