package io.admlops.workflows.loop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The loop journal kept in memory, entries in the order the workflows wrote them, read back
 * as the lines a person would check: {@code collect completed {frames=400, ...}}.
 */
class RecordedJournal implements LoopJournal {

  private final List<Object> entries = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void campaign(CampaignEntry entry) {
    entries.add(entry);
  }

  @Override
  public void iterationStarted(IterationStart start) {
    entries.add(start);
  }

  @Override
  public void stage(StageEntry entry) {
    entries.add(entry);
  }

  @Override
  public void iterationEnded(IterationEnd end) {
    entries.add(end);
  }

  @Override
  public void batchAbandoned(BatchAbandoned abandoned) {
    entries.add(abandoned);
  }

  /** The campaign's statuses, in order. */
  List<String> campaignStatuses() {
    return of(CampaignEntry.class).stream().map(CampaignEntry::status).toList();
  }

  /** The campaign entries, in order. */
  List<CampaignEntry> campaignEntries() {
    return of(CampaignEntry.class);
  }

  /**
   * One iteration's entries as lines: {@code started}, {@code <stage> <status> [detail]},
   * {@code ended <status>[: outcome]}.
   */
  List<String> iteration(int iteration) {
    String id = CampaignHarness.ID + "-iter-" + iteration;
    List<String> lines = new ArrayList<>();
    for (Object entry : snapshot()) {
      if (entry instanceof IterationStart s && s.workflowId().equals(id)) {
        lines.add("started");
      } else if (entry instanceof StageEntry s && s.iterationWorkflowId().equals(id)) {
        lines.add(s.stage() + " " + s.status() + (s.detail() == null ? "" : " " + s.detail()));
      } else if (entry instanceof IterationEnd e && e.iterationWorkflowId().equals(id)) {
        lines.add("ended " + e.status()
            + (e.summary() == null ? "" : ": " + e.summary().outcome()));
      }
    }
    return lines;
  }

  /** One iteration's stage entries. */
  List<StageEntry> stages(int iteration) {
    String id = CampaignHarness.ID + "-iter-" + iteration;
    return of(StageEntry.class).stream().filter(s -> s.iterationWorkflowId().equals(id))
        .toList();
  }

  /** One iteration's end; null while it runs. */
  IterationEnd end(int iteration) {
    String id = CampaignHarness.ID + "-iter-" + iteration;
    return of(IterationEnd.class).stream().filter(e -> e.iterationWorkflowId().equals(id))
        .findFirst().orElse(null);
  }

  /** The batches abandoned, in order. */
  List<String> abandonedBatches() {
    return of(BatchAbandoned.class).stream().map(BatchAbandoned::batchId).toList();
  }

  private <T> List<T> of(Class<T> type) {
    return snapshot().stream().filter(type::isInstance).map(type::cast).toList();
  }

  private List<Object> snapshot() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }
}
