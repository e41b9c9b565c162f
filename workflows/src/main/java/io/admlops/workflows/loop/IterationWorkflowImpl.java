package io.admlops.workflows.loop;

import io.admlops.workflows.FailureMessages;
import io.admlops.workflows.collect.CollectActivities;
import io.admlops.workflows.collect.CollectRequest;
import io.admlops.workflows.collect.CollectResult;
import io.admlops.workflows.deploy.DeployActivities;
import io.admlops.workflows.deploy.ExportCheck;
import io.admlops.workflows.deploy.ExportRequest;
import io.admlops.workflows.evaluate.EvaluateActivities;
import io.admlops.workflows.evaluate.EvaluateRequest;
import io.admlops.workflows.evaluate.EvaluateResult;
import io.admlops.workflows.train.TrainActivities;
import io.admlops.workflows.train.TrainRequest;
import io.admlops.workflows.train.TrainResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One iteration. Orchestration only: every stage is an activity on its queue, and the only
 * waiting is for signals and timers, so the iteration survives worker restarts and weeks of
 * waiting for labels.
 */
public class IterationWorkflowImpl implements IterationWorkflow {

  /**
   * The change that checks the candidate's ONNX export before promotion; iterations recorded
   * before it promote without the check when they replay.
   */
  static final String EXPORT_CHECK_CHANGE = "onnx-export-before-promotion";
  /**
   * The change that writes the loop journal; iterations recorded before it write nothing when
   * they replay.
   */
  static final String JOURNAL_CHANGE = "loop-journal";
  /**
   * The change that gives an iteration its own search attributes and a memo with its outcome;
   * iterations recorded before it carry only the memo their campaign started them with.
   */
  static final String SEARCH_ATTRIBUTES_CHANGE = "iteration-search-attributes";
  /** Enough evaluation frames to meet every head on varied scenes, checked in seconds. */
  static final int PARITY_FRAMES = 8;

  private final CollectActivities collect =
      Workflow.newActivityStub(CollectActivities.class, StageOptions.collect());
  private final LoopActivities loop =
      Workflow.newActivityStub(LoopActivities.class, StageOptions.cpu(Duration.ofHours(1)));
  private final MineActivities mine =
      Workflow.newActivityStub(MineActivities.class, StageOptions.gpu(Duration.ofHours(4)));
  private final TrainActivities train =
      Workflow.newActivityStub(TrainActivities.class, StageOptions.training());
  private final EvaluateActivities evaluate =
      Workflow.newActivityStub(EvaluateActivities.class, StageOptions.gpu(Duration.ofHours(4)));
  private final DeployActivities deploy =
      Workflow.newActivityStub(DeployActivities.class, StageOptions.cpu(Duration.ofHours(1)));

  private IterationRequest request;
  private IterationTimeline timeline;
  private boolean listed;
  private String stage = "starting";
  private LabelingBatch awaited;
  private AnnotationsReturned returned;
  private Boolean approved;
  private String approvalNote;
  /** Why the iteration stopped waiting for labels, when it did. */
  private String gaveUp;

  @Override
  public IterationSummary run(IterationRequest request) {
    this.request = request;
    listed = Workflow.getVersion(SEARCH_ATTRIBUTES_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    if (listed) {
      LoopSearchAttributes.iterationStarted(campaignName(), request.iteration(),
          request.config().dataset() + ":" + request.datasetVersion(),
          request.productionModel());
    }
    timeline = new IterationTimeline(JournalWriter.since(JOURNAL_CHANGE), request);
    timeline.started();
    try {
      return stages();
    } catch (ActivityFailure | CanceledFailure e) {
      if (CancellationScope.current().isCancelRequested()) {
        timeline.cancelled();
      } else {
        timeline.failed(FailureMessages.rootMessage(e));
      }
      throw e;
    }
  }

  private IterationSummary stages() {
    CampaignConfig config = request.config();
    Record record = new Record(request.iteration(), config.dataset(),
        request.datasetVersion(), request.productionModel());
    if (request.bootstrap()) {
      return trainEvaluateDeploy(record, request.datasetVersion());
    }
    enter("collect");
    CampaignConfig.Collect source = config.collect();
    CollectRequest what = "folder".equals(source.source())
        ? CollectRequest.folder(source.inbox(), null)
        : CollectRequest.generator(source.mix(), source.seed() + request.iteration(),
            source.framesPerIteration());
    CollectResult collected = collect.collect(what);
    record.collected = collected.frames();
    timeline.collected(collected);

    enter("analyze");
    timeline.analyzed(loop.analyze(config.dataset(), request.datasetVersion()));

    int budget = Math.min(config.mining().framesPerIteration(), request.labelBudgetLeft());
    if (budget <= 0 || collected.frames() == 0) {
      return record.end(budget <= 0 ? "labeling budget spent: nothing sent for labeling"
          : "no new frames collected");
    }
    enter("mine");
    MineResult mined = mine.mine(new MineRequest(campaignName(), request.iteration(),
        collected.manifest(), config.dataset(), request.datasetVersion(),
        request.productionModel(), config.mining().strategy(), budget,
        source.seed() + request.iteration()));
    record.mined = mined.chosen();
    timeline.mined(mined, config.mining().strategy());

    enter("annotate");
    QaVerdict accepted = labels(mined, collected.groundTruth());
    if (accepted == null) {
      return record.end(gaveUp);
    }
    record.labeled = accepted.labeledFrames();

    enter("convert");
    int version = loop.importLabels(config.dataset(), request.datasetVersion(),
        accepted.labeledManifest(), campaignName() + " iteration " + request.iteration()
            + ": " + accepted.labeledFrames() + " labeled frames");
    timeline.converted(config.dataset() + ":" + version);
    if (listed) {
      LoopSearchAttributes.datasetVersion(config.dataset() + ":" + version);
    }
    return trainEvaluateDeploy(record, version);
  }

  /** Sends the mined frames for labeling and waits until labels pass QA, or gives up. */
  private QaVerdict labels(MineResult mined, String groundTruth) {
    CampaignConfig.Labeling policy = request.config().labeling();
    LabelingBatch batch = loop.requestLabels(new LabelsRequest(campaignName(),
        request.iteration(), mined.manifest(), groundTruth,
        request.config().datasetDefinition(), policy, request.config().dataset()));
    awaited = batch;
    int rework = 0;
    tell(IterationEvent.Kind.BATCH_PENDING, pending(batch, rework), null);
    timeline.labelsAwaited(batch, rework);
    Duration remindEvery = Duration.parse(policy.remindEvery());
    Duration giveUpAfter = Duration.parse(policy.giveUpAfter());
    long waitingSince = Workflow.currentTimeMillis();
    int reminders = 0;
    while (true) {
      Duration left = giveUpAfter.minusMillis(Workflow.currentTimeMillis() - waitingSince);
      if (left.isNegative() || left.isZero()) {
        return giveUp(batch, rework, "labels for batch " + batch.batchId()
            + " were not returned within " + policy.giveUpAfter());
      }
      Duration wait = remindEvery.compareTo(left) < 0 ? remindEvery : left;
      if (!Workflow.await(wait, () -> returned != null)) {
        if (wait.equals(remindEvery)) {
          loop.remind(batch, ++reminders);
        }
        continue;
      }
      AnnotationsReturned labels = returned;
      returned = null;
      timeline.resumed();
      QaVerdict verdict = loop.checkLabels(batch, labels,
          request.config().datasetDefinition());
      if (verdict.accepted()) {
        awaited = null;
        tell(IterationEvent.Kind.BATCH_SETTLED, pending(batch, rework),
            "batch " + batch.batchId() + " accepted: " + verdict.labeledFrames() + " frames");
        timeline.labelsAccepted(batch, rework, verdict);
        return verdict;
      }
      rework++;
      if (rework > policy.maxRework()) {
        return giveUp(batch, rework, "batch " + batch.batchId() + " failed QA " + rework
            + " times: " + String.join("; ", verdict.reasons()));
      }
      loop.requestRework(batch, verdict, rework);
      tell(IterationEvent.Kind.BATCH_PENDING, pending(batch, rework),
          "batch " + batch.batchId() + " sent back for rework " + rework + ": "
              + String.join("; ", verdict.reasons()));
      timeline.labelsAwaited(batch, rework);
      waitingSince = Workflow.currentTimeMillis();
    }
  }

  /** Stops waiting for a batch; returns null, the labels that never passed. */
  private QaVerdict giveUp(LabelingBatch batch, int rework, String why) {
    awaited = null;
    gaveUp = why;
    tell(IterationEvent.Kind.BATCH_SETTLED, pending(batch, 0), why);
    timeline.labelsGivenUp(batch, rework, why);
    return null;
  }

  private IterationSummary trainEvaluateDeploy(Record record, int version) {
    CampaignConfig config = request.config();
    record.datasetVersion = version;
    enter("train");
    TrainResult trained = train.train(new TrainRequest(config.dataset(), version,
        request.modelConfigYaml()));
    String candidate = trained.model() + ":" + trained.version();
    record.candidate = candidate;
    timeline.trained(candidate);
    if (listed) {
      LoopSearchAttributes.modelVersion(candidate);
    }

    enter("evaluate");
    CampaignConfig.Benchmark benchmark = config.benchmark() != null ? config.benchmark()
        : new CampaignConfig.Benchmark(config.dataset(), version);
    String split = "test";
    EvaluateResult result = evaluate.evaluate(new EvaluateRequest(candidate,
        benchmark.dataset(), benchmark.version(), split,
        candidate.equals(request.productionModel()) ? null : request.productionModel(),
        config.deploy().tolerance(), null));
    record.map = result.map();
    record.sliceMaps = result.sliceMaps();
    timeline.evaluated(candidate, benchmark, split, result.map());

    enter("deploy");
    if (candidate.equals(request.productionModel())) {
      return record.end("the candidate is the production model already");
    }
    DeployGate.Decision decision = DeployGate.decide(result, config.deploy());
    record.reasons.addAll(decision.reasons());
    if (!decision.pass()) {
      return record.end("not promoted: the deploy gate kept " + request.productionModel());
    }
    if (Workflow.getVersion(EXPORT_CHECK_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      // Checked before anyone is asked to approve: a model that cannot ship is not offered.
      ExportCheck check = deploy.exportAndCheck(new ExportRequest(candidate,
          benchmark.dataset(), benchmark.version(), "test", PARITY_FRAMES));
      if (!check.passed()) {
        record.reasons.add("ONNX export failed its parity check on " + check.frames()
            + " frames: " + String.join("; ", check.findings()));
        return record.end("not promoted: the ONNX export of " + candidate
            + " does not match DJL");
      }
      record.reasons.add("ONNX export matches DJL on " + check.frames() + " frames: "
          + String.join("; ", check.findings()));
    }
    // Approval guards what production already has; the very first model replaces nothing.
    if (config.deploy().requireApproval() && request.productionModel() != null) {
      tell(IterationEvent.Kind.AWAITING_APPROVAL, null, candidate);
      timeline.waiting();
      Workflow.await(() -> approved != null);
      timeline.resumed();
      if (!approved) {
        record.reasons.add("rejected: " + approvalNote);
        return record.end("not promoted: " + candidate + " was rejected");
      }
      record.reasons.add("approved: " + approvalNote);
    }
    loop.promote(candidate, "production", campaignName() + " iteration "
        + request.iteration() + ": " + String.join("; ", decision.reasons()));
    record.production = candidate;
    record.promoted = true;
    return record.end("promoted " + candidate + " to production");
  }

  private void enter(String next) {
    stage = next;
    tell(IterationEvent.Kind.STAGE, null, null);
    timeline.enter(next);
    if (listed) {
      LoopSearchAttributes.stage(next);
    }
  }

  private void tell(IterationEvent.Kind kind, PendingBatch batch, String note) {
    Workflow.newExternalWorkflowStub(CampaignWorkflow.class, request.campaignWorkflowId())
        .iterationEvent(new IterationEvent(request.iteration(), kind, stage, batch, note));
  }

  private PendingBatch pending(LabelingBatch batch, int rework) {
    return new PendingBatch(batch.batchId(), request.iteration(), batch.frames(),
        batch.outboxUri(), Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString(),
        rework);
  }

  private String campaignName() {
    return request.config().name();
  }

  @Override
  public void annotationsReturned(AnnotationsReturned labels) {
    // The campaign forwards only labels of the batch it knows to be pending here; a late
    // duplicate that still slips through finds no batch awaited and changes nothing.
    if (awaited != null && awaited.batchId().equals(labels.batchId())) {
      returned = labels;
    }
  }

  @Override
  public void approveDeployment(String note) {
    approved = true;
    approvalNote = note;
  }

  @Override
  public void rejectDeployment(String reason) {
    approved = false;
    approvalNote = reason;
  }

  @Override
  public String stage() {
    return stage;
  }

  /** The iteration's summary as it builds up. */
  private final class Record {
    final int iteration;
    final String dataset;
    int collected;
    int mined;
    int labeled;
    int datasetVersion;
    String candidate;
    Double map;
    Map<String, Double> sliceMaps;
    String production;
    boolean promoted;
    String outcome;
    final List<String> reasons = new ArrayList<>();

    Record(int iteration, String dataset, int datasetVersion, String production) {
      this.iteration = iteration;
      this.dataset = dataset;
      this.datasetVersion = datasetVersion;
      this.production = production;
    }

    IterationSummary end(String how) {
      outcome = how;
      IterationSummary summary = new IterationSummary(iteration, collected, mined, labeled,
          datasetVersion > 0 ? dataset + ":" + datasetVersion : null, candidate, map,
          sliceMaps, production, promoted, outcome, reasons);
      timeline.ended(summary);
      stage = "done";
      if (listed) {
        LoopSearchAttributes.stage(stage);
        Workflow.upsertMemo(Map.of("summary",
            campaignName() + " iteration " + iteration + ": " + how));
      }
      return summary;
    }
  }
}
