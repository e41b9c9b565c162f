package io.admlops.workflows.loop;

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
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToDoubleFunction;

/**
 * Every stage's activity answered in memory, the way the real ones behave where the
 * workflows can tell: content-derived ids, versions that only grow, a model whose mAP the
 * test chooses per trained version, QA that rejects labels whose uri says "bad", ONNX
 * exports that match DJL unless the test says a version's does not, and training that fails
 * on dataset versions the test names. It records what was called, in order, for assertions.
 */
class SimulatedWorld implements CollectActivities, LoopActivities, MineActivities,
    TrainActivities, EvaluateActivities, DeployActivities {

  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  /** Versions, {@code name:version}, whose ONNX export fails its parity check. */
  final Set<String> exportsThatDiffer = ConcurrentHashMap.newKeySet();
  /** Dataset versions, {@code name:version}, that training refuses for good. */
  final Set<String> untrainable = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> datasetVersions = new LinkedHashMap<>();
  private final Map<String, String> aliases = new LinkedHashMap<>();
  private int modelVersions;
  /** Overall mAP of model version n, and of every slice but night, which gets 1.5x. */
  private final IntToDoubleFunction mapOfVersion;

  SimulatedWorld(int seedVersion, IntToDoubleFunction mapOfVersion) {
    this.mapOfVersion = mapOfVersion;
    datasetVersions.put("drive", seedVersion);
  }

  @Override
  public CampaignStart start(String dataset, String modelConfig) {
    calls.add("start");
    return new CampaignStart("centernet-tiny", "name: centernet-tiny\n",
        datasetVersions.getOrDefault(dataset, 0), aliases.get("production"));
  }

  @Override
  public CollectResult collect(CollectRequest request) {
    calls.add("collect seed " + request.seed());
    String batch = "gen-" + request.seed();
    return new CollectResult(batch, "collected/" + batch + "/frames.jsonl", request.frames(),
        0, "ground-truth/" + batch);
  }

  @Override
  public String analyze(String dataset, int version) {
    calls.add("analyze " + dataset + ":" + version);
    return "reports/" + dataset + "-" + version;
  }

  @Override
  public MineResult mine(MineRequest request) {
    calls.add("mine " + request.strategy() + " " + request.budget() + " with "
        + request.productionModel());
    return new MineResult("mined/" + request.collectedManifest(), request.budget(),
        Map.of("mined:rare:night", request.budget()));
  }

  @Override
  public LabelingBatch requestLabels(LabelsRequest request) {
    calls.add("requestLabels " + request.iteration() + " answered from "
        + request.groundTruth() + " by the " + request.labeling().vendor() + " vendor");
    String batch = "lb-" + request.campaign() + "-" + request.iteration();
    return new LabelingBatch(batch, "outbox/" + batch, 40, request.minedManifest());
  }

  @Override
  public void remind(LabelingBatch batch, int reminder) {
    calls.add("remind " + batch.batchId() + " " + reminder);
  }

  @Override
  public QaVerdict checkLabels(LabelingBatch batch, AnnotationsReturned returned,
      String definition) {
    calls.add("checkLabels " + returned.uri());
    if (returned.uri().contains("bad")) {
      return new QaVerdict(false, List.of("frame seq-1/000004: box outside the image"), null,
          0);
    }
    return new QaVerdict(true, List.of(), "labeled/" + batch.batchId(), batch.frames());
  }

  @Override
  public void requestRework(LabelingBatch batch, QaVerdict verdict, int rework) {
    calls.add("requestRework " + batch.batchId() + " " + rework);
  }

  @Override
  public int importLabels(String dataset, int parentVersion, String labeledManifest,
      String note) {
    calls.add("importLabels over " + parentVersion);
    int next = datasetVersions.merge(dataset, 1, Integer::sum);
    return next;
  }

  @Override
  public String promote(String modelVersion, String alias, String reason) {
    calls.add("promote " + modelVersion);
    return aliases.put(alias, modelVersion);
  }

  @Override
  public TrainResult train(TrainRequest request) {
    String data = request.dataset() + ":" + request.datasetVersion();
    calls.add("train on " + data);
    if (untrainable.contains(data)) {
      throw ApplicationFailure.newNonRetryableFailure(data + " has no training split",
          "InvalidTrainRequest");
    }
    int version = ++modelVersions;
    return new TrainResult("centernet-tiny", version, "train-" + version, version,
        "0".repeat(64), "file:///zoo/" + version, null, "cpu()", 0);
  }

  @Override
  public EvaluateResult evaluate(EvaluateRequest request) {
    calls.add("evaluate " + request.model() + " against " + request.baseline() + " on "
        + request.dataset() + ":" + request.datasetVersion() + " " + request.split());
    if (request.model().endsWith(":0")) {
      throw ApplicationFailure.newNonRetryableFailure("no such model", "InvalidEvaluateRequest");
    }
    double map = mapOf(request.model());
    Map<String, Double> slices = new LinkedHashMap<>();
    slices.put("timeofday=night", map * 0.5);
    slices.put("timeofday=daytime", map * 1.1);
    if (request.baseline() == null) {
      return new EvaluateResult(request.model(), 1, map, slices, null, null, List.of(),
          List.of());
    }
    double base = mapOf(request.baseline());
    List<String> improved = new ArrayList<>();
    List<String> regressed = new ArrayList<>();
    for (String key : List.of("overall", "timeofday=night", "timeofday=daytime")) {
      double delta = map - base;
      if (delta > request.tolerance()) {
        improved.add(key);
      } else if (delta < -request.tolerance()) {
        regressed.add(key);
      }
    }
    return new EvaluateResult(request.model(), 1, map, slices, request.baseline(), base,
        improved, regressed);
  }

  @Override
  public ExportCheck exportAndCheck(ExportRequest request) {
    calls.add("export " + request.model() + " checked on " + request.frames() + " frames of "
        + request.dataset() + ":" + request.datasetVersion() + " " + request.split());
    if (exportsThatDiffer.contains(request.model())) {
      return new ExportCheck(request.model(), false, request.frames(), null,
          List.of("heatmap differs by up to 0.0312 (allowed 1e-04)"));
    }
    return new ExportCheck(request.model(), true, request.frames(),
        "file:///zoo/" + request.model() + "/model.onnx",
        List.of("heatmap differs by up to 2.1e-06 (allowed 1e-04)"));
  }

  private double mapOf(String model) {
    return mapOfVersion.applyAsDouble(Integer.parseInt(model.substring(model.indexOf(':') + 1)));
  }

  /** Calls that start with a prefix, in order. */
  List<String> calls(String prefix) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.startsWith(prefix)).toList();
    }
  }
}
