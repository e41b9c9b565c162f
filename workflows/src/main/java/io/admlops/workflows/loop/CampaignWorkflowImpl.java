package io.admlops.workflows.loop;

import io.admlops.workflows.FailureMessages;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The campaign: waits for each iteration's time (or {@code runNow}) unless paused, runs the
 * iteration as a child, relays signals to it, keeps the budget, the production model and the
 * history, and continues as new every few iterations so its history stays small.
 */
public class CampaignWorkflowImpl implements CampaignWorkflow {

  /** The change id of continuing as new once a run has had its iterations, or more. */
  static final String CONTINUE_AS_NEW_AT_OR_AFTER = "continue-as-new-at-or-after";
  /**
   * The change that writes the campaign's row of the loop journal; runs recorded before it
   * write nothing when they replay.
   */
  static final String JOURNAL_CHANGE = "loop-journal-campaign";
  /**
   * The change that rewrites the memo when the iteration enters a stage, so the Temporal UI's
   * one-line summary names the stage; runs recorded before it rewrote it less often.
   */
  static final String MEMO_ON_STAGE_CHANGE = "campaign-memo-on-stage";

  /** Notes kept for the status query; older ones live in the workflow's history. */
  private static final int NOTES_KEPT = 20;

  private final LoopActivities loop =
      Workflow.newActivityStub(LoopActivities.class, StageOptions.cpu(Duration.ofMinutes(10)));

  private CampaignConfig config;
  private String model;
  private String modelConfigYaml;
  private int iteration;
  private int datasetVersion;
  private String productionModel;
  private Double bestMap;
  private int labelsSpent;
  private long lastStartedAt;
  private boolean paused;
  private boolean runNow;
  private CampaignConfig nextConfig;
  private String state = "starting";
  private String stage;
  private final Map<String, PendingBatch> pending = new LinkedHashMap<>();
  private final List<String> settled = new ArrayList<>();
  private String awaitingApproval;
  private final List<IterationSummary> history = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private String childId;
  /** Null until the run has started, so a signal delivered before that journals nothing. */
  private JournalWriter journal;
  private boolean memoOnStage;

  @Override
  public void run(CampaignConfig input, CampaignState carried) {
    journal = JournalWriter.since(JOURNAL_CHANGE);
    memoOnStage = Workflow.getVersion(MEMO_ON_STAGE_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    config = valid(input);
    restore(carried);
    LoopSearchAttributes.campaign(config.name());
    if (modelConfigYaml == null) {
      CampaignStart start = loop.start(config.dataset(), config.modelConfig());
      model = start.model();
      modelConfigYaml = start.modelConfigYaml();
      datasetVersion = start.datasetVersion();
      productionModel = start.productionModel();
    }
    journalStatus(paused ? "paused" : "running");
    try {
      // Runs recorded before this change continued as new only at exactly continueAsNewEvery
      // iterations, which an updateConfig lowering it below the count already run never met.
      boolean atOrAfter = Workflow.getVersion(CONTINUE_AS_NEW_AT_OR_AFTER,
          Workflow.DEFAULT_VERSION, 1) == 1;
      int runsThisExecution = 0;
      while (config.iterations() == 0 || iteration < config.iterations()) {
        if (atOrAfter ? runsThisExecution >= config.continueAsNewEvery()
            : runsThisExecution == config.continueAsNewEvery()) {
          // A config updated during the run's last iteration is the one the next run starts on.
          Workflow.continueAsNew(nextConfig != null ? nextConfig : config, snapshot());
        }
        if (iteration > 0 || productionModel != null) {
          waitForTurn();
        }
        if (nextConfig != null) {
          config = nextConfig;
          nextConfig = null;
        }
        iteration++;
        runsThisExecution++;
        lastStartedAt = Workflow.currentTimeMillis();
        runIteration(productionModel == null);
      }
      state = "finished";
      publish();
      journalStatus("completed");
    } catch (CanceledFailure | ChildWorkflowFailure e) {
      // Only a cancellation gets here: runIteration notes a failed iteration and goes on.
      // Written outside the cancelled scope, which would cancel the journal's write too.
      Workflow.newDetachedCancellationScope(() -> journalStatus("cancelled")).run();
      throw e;
    }
  }

  /**
   * Writes the campaign's row: the status, and the config as last received, which an
   * {@code updateConfig} may have replaced for the next iteration already.
   */
  private void journalStatus(String status) {
    if (journal == null) {
      return;
    }
    CampaignConfig latest = nextConfig != null ? nextConfig : config;
    long at = Workflow.currentTimeMillis();
    journal.write("campaign " + status, j -> j.campaign(
        new CampaignEntry(Workflow.getInfo().getWorkflowId(), latest, status, at)));
  }

  /**
   * Waits until a cadence has passed since the last iteration started (at once when that one
   * ran longer), unless runNow arrives; a paused campaign waits for resume too.
   */
  private void waitForTurn() {
    state = "waiting";
    publish();
    long due = lastStartedAt + Duration.parse(config.cadence()).toMillis();
    while (true) {
      long left = due - Workflow.currentTimeMillis();
      boolean woken = Workflow.await(Duration.ofMillis(Math.max(left, 1)),
          () -> runNow || paused);
      if (paused) {
        state = "paused";
        publish();
        Workflow.await(() -> !paused);
        state = "waiting";
        publish();
        continue;
      }
      if (!woken || runNow) {
        runNow = false;
        return;
      }
    }
  }

  private void runIteration(boolean bootstrap) {
    state = "running";
    childId = Workflow.getInfo().getWorkflowId() + "-iter-" + iteration;
    LoopSearchAttributes.iteration(iteration, "starting");
    publish();
    IterationWorkflow child = Workflow.newChildWorkflowStub(IterationWorkflow.class,
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(childId)
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE)
            .setMemo(Map.of("summary", config.name() + " iteration " + iteration))
            .build());
    Promise<IterationSummary> done = Async.function(child::run, new IterationRequest(
        Workflow.getInfo().getWorkflowId(), iteration, config, modelConfigYaml,
        datasetVersion, productionModel, Math.max(0, config.labeling().budget() - labelsSpent),
        bootstrap));
    IterationSummary summary;
    try {
      summary = done.get();
    } catch (ChildWorkflowFailure e) {
      if (CancellationScope.current().isCancelRequested()) {
        throw e;
      }
      // One failed iteration does not end a campaign that runs for weeks: it is noted, and
      // the next iteration comes at its time (or on runNow, once the cause is fixed).
      summary = new IterationSummary(iteration, 0, 0, 0, null, null, null, null,
          productionModel, false, "failed: " + FailureMessages.rootMessage(e), null);
    }
    childId = null;
    stage = null;
    awaitingApproval = null;
    history.add(summary);
    labelsSpent += summary.mined();
    if (summary.datasetVersion() != null) {
      datasetVersion = Integer.parseInt(summary.datasetVersion()
          .substring(summary.datasetVersion().lastIndexOf(':') + 1));
    }
    if (summary.promoted()) {
      productionModel = summary.production();
      if (summary.map() != null && (bestMap == null || summary.map() > bestMap)) {
        bestMap = summary.map();
      }
    }
    note("iteration " + iteration + ": " + summary.outcome());
    publish();
  }

  /** Upserts the search attributes and the memo the Temporal UI shows. */
  private void publish() {
    LoopSearchAttributes.progress(stage, datasetVersion > 0
        ? config.dataset() + ":" + datasetVersion : null, productionModel, bestMap);
    Workflow.upsertMemo(Map.of("summary", summaryLine()));
  }

  private String summaryLine() {
    return String.format(Locale.ROOT, "%s: %s, iteration %d%s, dataset %s, production %s, "
            + "best mAP %s, %d/%s frames labeled", config.name(), state, iteration,
        stage == null ? "" : " (" + stage + ")",
        datasetVersion > 0 ? config.dataset() + ":" + datasetVersion : "none",
        productionModel == null ? "none" : productionModel,
        bestMap == null ? "-" : String.format(Locale.ROOT, "%.4f", bestMap), labelsSpent,
        config.labeling().budget() == Integer.MAX_VALUE ? "unlimited"
            : Integer.toString(config.labeling().budget()));
  }

  private void note(String line) {
    notes.add(line);
    while (notes.size() > NOTES_KEPT) {
      notes.remove(0);
    }
  }

  private static CampaignConfig valid(CampaignConfig input) {
    try {
      return input.withDefaults();
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(),
          "InvalidCampaignConfig");
    }
  }

  private void restore(CampaignState carried) {
    if (carried == null) {
      return;
    }
    model = carried.model();
    modelConfigYaml = carried.modelConfigYaml();
    iteration = carried.iteration();
    datasetVersion = carried.datasetVersion();
    productionModel = carried.productionModel();
    bestMap = carried.bestMap();
    labelsSpent = carried.labelsSpent();
    lastStartedAt = carried.lastStartedAt();
    paused = carried.paused();
    history.addAll(carried.history());
    notes.addAll(carried.notes());
  }

  private CampaignState snapshot() {
    return new CampaignState(model, modelConfigYaml, iteration, datasetVersion,
        productionModel, bestMap, labelsSpent, lastStartedAt, paused, history, notes);
  }

  @Override
  public void pause() {
    paused = true;
    journalStatus("paused");
  }

  @Override
  public void resume() {
    paused = false;
    journalStatus("running");
  }

  @Override
  public void runNow() {
    runNow = true;
  }

  @Override
  public void updateConfig(CampaignConfig update) {
    try {
      nextConfig = update.withDefaults();
      note("config updated; it applies from the next iteration");
      journalStatus(paused ? "paused" : "running");
    } catch (IllegalArgumentException e) {
      note("updateConfig refused: " + e.getMessage());
    }
  }

  @Override
  public void approveDeployment(String note) {
    if (awaitingApproval == null || childId == null) {
      note("approveDeployment ignored: no candidate is waiting for approval");
      return;
    }
    Workflow.newExternalWorkflowStub(IterationWorkflow.class, childId).approveDeployment(note);
  }

  @Override
  public void rejectDeployment(String reason) {
    if (awaitingApproval == null || childId == null) {
      note("rejectDeployment ignored: no candidate is waiting for approval");
      return;
    }
    Workflow.newExternalWorkflowStub(IterationWorkflow.class, childId).rejectDeployment(reason);
  }

  @Override
  public void annotationsReturned(AnnotationsReturned returned) {
    PendingBatch batch = returned == null ? null : pending.get(returned.batchId());
    if (batch == null) {
      String id = returned == null ? null : returned.batchId();
      note((settled.contains(id) ? "duplicate annotationsReturned for batch " + id
          + " ignored: it is settled already" : "annotationsReturned refused: batch " + id
          + " is not awaited; waiting for " + pending.keySet()));
      return;
    }
    Workflow.newExternalWorkflowStub(IterationWorkflow.class,
        Workflow.getInfo().getWorkflowId() + "-iter-" + batch.iteration())
        .annotationsReturned(returned);
  }

  @Override
  public void iterationEvent(IterationEvent event) {
    switch (event.kind()) {
      case STAGE -> {
        stage = event.stage();
        LoopSearchAttributes.iteration(event.iteration(), stage);
        if (memoOnStage) {
          Workflow.upsertMemo(Map.of("summary", summaryLine()));
        }
      }
      case BATCH_PENDING -> pending.put(event.batch().batchId(), event.batch());
      case BATCH_SETTLED -> {
        pending.remove(event.batch().batchId());
        settled.add(event.batch().batchId());
      }
      case AWAITING_APPROVAL -> awaitingApproval = event.note();
      case NOTE -> { }
      default -> throw new IllegalStateException("unknown event " + event.kind());
    }
    if (event.note() != null && event.kind() != IterationEvent.Kind.AWAITING_APPROVAL) {
      note("iteration " + event.iteration() + ": " + event.note());
    }
  }

  @Override
  public CampaignStatus status() {
    return new CampaignStatus(config == null ? null : config.name(), state, iteration, stage,
        datasetVersion > 0 ? config.dataset() + ":" + datasetVersion : null, productionModel,
        bestMap, labelsSpent, config == null ? 0 : config.labeling().budget(),
        List.copyOf(pending.values()), awaitingApproval, notes);
  }

  @Override
  public List<IterationSummary> history() {
    return List.copyOf(history);
  }
}
