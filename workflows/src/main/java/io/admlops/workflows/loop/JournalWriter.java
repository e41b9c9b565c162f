package io.admlops.workflows.loop;

import io.admlops.workflows.FailureMessages;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Workflow code's way to the loop journal. The journal is observability: a write that fails
 * after its few retries is logged and the loop goes on. Runs recorded before the journal
 * existed write nothing, so their histories replay unchanged.
 */
final class JournalWriter {

  private static final Logger LOG = Workflow.getLogger(JournalWriter.class);

  /** The journal's stub; null in a run recorded before the change. */
  private final LoopJournal journal;

  private JournalWriter(LoopJournal journal) {
    this.journal = journal;
  }

  /**
   * The writer of a workflow run, decided once at the start of the run.
   *
   * @param change the change id under which the workflow began to write the journal
   */
  static JournalWriter since(String change) {
    boolean writes = Workflow.getVersion(change, Workflow.DEFAULT_VERSION, 1) >= 1;
    return new JournalWriter(writes
        ? Workflow.newActivityStub(LoopJournal.class, StageOptions.journal()) : null);
  }

  /**
   * Writes an entry unless the run predates the journal.
   *
   * @param what the entry, as the log names it when it cannot be written
   */
  void write(String what, Consumer<LoopJournal> entry) {
    if (journal == null) {
      return;
    }
    try {
      entry.accept(journal);
    } catch (ActivityFailure e) {
      LOG.warn("loop journal: {} not written, the loop goes on: {}", what,
          FailureMessages.rootMessage(e));
    }
  }
}
