package io.admlops.workflows.loop;

import io.admlops.workflows.collect.CollectResult;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One iteration's entries in the loop journal, written as the iteration lives them: each
 * stage running, waiting for labels or approval, and left with its outputs under the keys
 * docs/campaigns.md lists; then the end with the summary, or the failure. Times are the
 * workflow's clock, so a stage's duration is what the loop spent in it, waits included.
 */
final class IterationTimeline {

  private static final String RUNNING = "running";
  private static final String WAITING = "waiting";
  private static final String COMPLETED = "completed";
  private static final String FAILED = "failed";
  private static final String CANCELLED = "cancelled";
  private static final String DEPLOY = "deploy";

  private final JournalWriter journal;
  private final IterationRequest request;
  private final String workflowId;
  /** The stage entered and not yet left; null between stages. */
  private String open;

  IterationTimeline(JournalWriter journal, IterationRequest request) {
    this.journal = journal;
    this.request = request;
    this.workflowId = Workflow.getInfo().getWorkflowId();
  }

  void started() {
    journal.write("start of iteration " + request.iteration(),
        j -> j.iterationStarted(new IterationStart(request.campaignWorkflowId(),
            request.config(), request.iteration(), workflowId, now())));
  }

  void enter(String stage) {
    open = stage;
    entry(RUNNING, null);
  }

  /** The open stage waits for someone else: the vendor's labels, or an approval. */
  void waiting() {
    entry(WAITING, null);
  }

  /** The open stage works again after a wait. */
  void resumed() {
    entry(RUNNING, null);
  }

  void collected(CollectResult collected) {
    leave(detail("frames", collected.frames(), "manifest", collected.manifest()));
  }

  void analyzed(String report) {
    leave(detail("report", report));
  }

  void mined(MineResult mined, String strategy) {
    leave(detail("chosen", mined.chosen(), "manifest", mined.manifest(),
        "reasons", mined.reasons(), "strategy", strategy));
  }

  /** Labels of the batch are awaited, first or after a rework. */
  void labelsAwaited(LabelingBatch batch, int rework) {
    entry(WAITING, batchDetail(batch, rework));
  }

  void labelsAccepted(LabelingBatch batch, int rework, QaVerdict verdict) {
    Map<String, Object> detail = batchDetail(batch, rework);
    detail.put("accepted", verdict.labeledManifest());
    leave(detail);
  }

  /** The iteration stopped waiting; the batch is abandoned. */
  void labelsGivenUp(LabelingBatch batch, int rework, String why) {
    Map<String, Object> detail = batchDetail(batch, rework);
    detail.put("gaveUp", why);
    leave(detail);
    long at = now();
    journal.write("abandoned batch " + batch.batchId(),
        j -> j.batchAbandoned(new BatchAbandoned(batch.batchId(), at)));
  }

  void converted(String datasetVersion) {
    leave(detail("datasetVersion", datasetVersion));
  }

  void trained(String candidate) {
    leave(detail("candidate", candidate));
  }

  void evaluated(String candidate, CampaignConfig.Benchmark benchmark, String split,
      double map) {
    leave(detail("candidate", candidate, "benchmark",
        benchmark.dataset() + ":" + benchmark.version(), "split", split, "map", map));
  }

  /**
   * The iteration ended as the summary says. It ends early after analyze or annotate, having
   * left them, or in deploy, which ends with it.
   */
  void ended(IterationSummary summary) {
    if (DEPLOY.equals(open)) {
      leave(detail("promoted", summary.promoted(), "production", summary.production(),
          "outcome", summary.outcome(), "reasons", summary.reasons()));
    }
    end(COMPLETED, summary);
  }

  /** A stage failed: it is marked failed and the iteration with it. */
  void failed(String error) {
    if (open != null) {
      entry(FAILED, detail("error", error));
      open = null;
    }
    end(FAILED, null);
  }

  /**
   * The iteration was cancelled with its campaign: the open stage and the iteration end so.
   * Written from outside the cancelled scope, which would cancel the journal's writes too.
   */
  void cancelled() {
    Workflow.newDetachedCancellationScope(() -> {
      if (open != null) {
        entry(CANCELLED, null);
        open = null;
      }
      end(CANCELLED, null);
    }).run();
  }

  private void leave(Map<String, Object> detail) {
    entry(COMPLETED, detail);
    open = null;
  }

  private void entry(String status, Map<String, Object> detail) {
    String stage = open;
    long at = now();
    journal.write(status + " " + stage + " of iteration " + request.iteration(),
        j -> j.stage(new StageEntry(workflowId, stage, status, at, detail)));
  }

  private void end(String status, IterationSummary summary) {
    long at = now();
    journal.write("end of iteration " + request.iteration(),
        j -> j.iterationEnded(new IterationEnd(workflowId, status, at, summary)));
  }

  private static Map<String, Object> batchDetail(LabelingBatch batch, int rework) {
    return detail("batch", batch.batchId(), "frames", batch.frames(), "rework", rework);
  }

  /** Keys and values in turn; insertion order is kept, so replays write the same JSON. */
  private static Map<String, Object> detail(Object... keysAndValues) {
    Map<String, Object> detail = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      detail.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return detail;
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }
}
