package io.admlops.workers.dashboard;

import static io.admlops.schemas.db.Tables.ANNOTATION_BATCH;
import static io.admlops.schemas.db.Tables.CAMPAIGN;
import static io.admlops.schemas.db.Tables.DATASET;
import static io.admlops.schemas.db.Tables.ITERATION;
import static io.admlops.schemas.db.Tables.ITERATION_STAGE;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.datasets.FrameSource;
import io.admlops.activities.datasets.Split;
import io.admlops.activities.evaluate.coco.CocoStat;
import io.admlops.activities.evaluate.slices.EvaluationRepository;
import io.admlops.activities.evaluate.slices.SliceEvaluation;
import io.admlops.activities.evaluate.slices.SliceResult;
import io.admlops.activities.modelzoo.ModelAliases;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.SampleVersions;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.TestDatabase;
import io.admlops.activities.train.GeneratedFrames;
import io.admlops.activities.train.SampleRuns;
import io.admlops.activities.train.TrainingRunLog;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.SceneAttributes;
import io.admlops.schemas.json.Mappers;
import io.admlops.workflows.loop.IterationSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * A registry and dataset store holding what a user would find after two weeks of campaign
 * {@value #CAMPAIGN_NAME}: three iterations (two evaluated, one waiting for labels), three
 * versions of dataset {@code drive} made of generated PNG frames, three model versions with
 * their evaluations on the benchmark {@code drive:1}, the production alias' moves, a training
 * run with epochs and the labeling batches; plus campaign {@value #QUIET} whose only
 * iteration is still collecting. Journal rows are written as the loop journal's contract
 * says; everything else by the code that writes it in the loop.
 */
final class SeededCampaigns {

  static final String CAMPAIGN_NAME = "night-drive";
  static final String QUIET = "quiet";
  static final Instant START = Instant.parse("2025-06-01T08:00:00Z");

  /** How long each stage of iterations 1 and 2 took, in seconds, in the loop's order. */
  static final Map<String, Long> STAGE_SECONDS = stageSeconds();

  /** Overall mAP on the benchmark of model versions 1 (production first), 2 and 3. */
  static final double[] MAPS = {0.30, 0.36, 0.34};
  /** Their mAP on night frames; version 1 has none: its night slice holds no object. */
  static final Double[] NIGHT_MAPS = {null, 0.21, 0.18};
  /** Their AP on cars. */
  static final double[] CAR_APS = {0.40, 0.47, 0.45};

  final Path store;
  final DSLContext dsl;
  final List<Frame> v1Frames;
  /** The frames iteration 1 mined, as its manifest holds them: predictions and reasons. */
  final List<Frame> minedInIteration1;
  /** The same frames with the labels accepted for them. */
  final List<Frame> labeledInIteration1;
  final long trainingRunOfVersion2;

  private SeededCampaigns(Path root) throws IOException {
    RegistryDatabase registry = TestDatabase.freshRegistry();
    dsl = registry.dsl();
    store = root.resolve("datasets");
    DatasetRegistry datasets = new DatasetRegistry(registry, new DatasetStore(store));
    v1Frames = GeneratedFrames.write("fleet.yaml", 11, 8, root.resolve("incoming"));
    long v1 = datasets.importVersion("drive", null, FrameSource.of(v1Frames), null, "seed")
        .id();

    List<Frame> collected1 = GeneratedFrames.write("fleet.yaml", 12, 3,
        store.resolve("collected/night-drive/iteration-1"));
    labeledInIteration1 = collected1.subList(0, 2);
    minedInIteration1 = List.of(
        mined(labeledInIteration1.get(0), List.of("mined:uncertain", "mined:rare:night")),
        mined(labeledInIteration1.get(1), List.of("mined:diverse")));
    writeManifest("mined/night-drive/iteration-1/frames.jsonl", minedInIteration1);
    writeManifest("labeled/lb-000000000001/frames.jsonl", labeledInIteration1);
    long v2 = datasets.importVersion("drive", null, FrameSource.of(labeledInIteration1), 1,
        "night-drive iteration 1: 2 labeled frames").id();

    List<Frame> collected2 = GeneratedFrames.write("fleet.yaml", 13, 2,
        store.resolve("collected/night-drive/iteration-2"));
    long v3 = datasets.importVersion("drive", null, FrameSource.of(collected2.subList(0, 1)),
        2, "night-drive iteration 2: 1 labeled frame").id();

    List<Frame> collected3 = GeneratedFrames.write("fleet.yaml", 14, 2,
        store.resolve("collected/night-drive/iteration-3"));
    writeManifest("mined/night-drive/iteration-3/frames.jsonl",
        List.of(mined(collected3.get(0), List.of("mined:flicker"))));

    ModelVersion production = SampleVersions.register(dsl, "tiny", v1, root.resolve("zoo/1"),
        'a');
    ModelVersion second = SampleVersions.register(dsl, "tiny", v2, root.resolve("zoo/2"), 'b');
    ModelVersion third = SampleVersions.register(dsl, "tiny", v3, root.resolve("zoo/3"), 'c');
    List<ModelVersion> versions = List.of(production, second, third);
    for (int i = 0; i < versions.size(); i++) {
      evaluate(versions.get(i), v1, MAPS[i], NIGHT_MAPS[i], CAR_APS[i]);
    }
    ModelAliases aliases = new ModelAliases(dsl);
    aliases.move("tiny:1", "production", "ci", "first model");
    aliases.move("tiny:2", "production", "campaign", "night-drive iteration 1: night improved");

    TrainingRunLog runs = new TrainingRunLog(dsl);
    trainingRunOfVersion2 = runs.find("train-tiny-b").orElseThrow().id();
    for (int epoch = 1; epoch <= 3; epoch++) {
      runs.recordEpoch(trainingRunOfVersion2,
          SampleRuns.centerNetEpoch(epoch, 3.0 / epoch, 0.1 * epoch));
    }
    runs.finish(trainingRunOfVersion2, true);

    journal();
  }

  /** Seeds a fresh registry schema and a dataset store under the folder. */
  static SeededCampaigns under(Path root) throws IOException {
    return new SeededCampaigns(root);
  }

  /** When a stage of iteration 1 or 2 began: the stages run back to back. */
  static Instant stageStart(int iteration, String stage) {
    Instant at = iterationStart(iteration);
    for (Map.Entry<String, Long> s : STAGE_SECONDS.entrySet()) {
      if (s.getKey().equals(stage)) {
        return at;
      }
      at = at.plusSeconds(s.getValue());
    }
    throw new IllegalArgumentException("no stage " + stage);
  }

  static Instant iterationStart(int iteration) {
    return START.plusSeconds((iteration - 1) * 7L * 86_400);
  }

  /** A frame as the miner writes it: the model's detections with scores, the reasons. */
  private static Frame mined(Frame collected, List<String> reasons) {
    List<FrameObject> predictions = new ArrayList<>();
    for (FrameObject o : collected.objects()) {
      Box2D b = o.box();
      predictions.add(new FrameObject(null, o.category(), new Box2D(b.x1() + 2, b.y1() + 1,
          b.x2() + 2, b.y2() + 1), null, null, null, null, false, false, null, 0.62, null));
    }
    SceneAttributes scene = collected.scene();
    List<String> tags = new ArrayList<>(scene.tags());
    tags.addAll(reasons);
    return new Frame(collected.id(), collected.image(), collected.camera(), predictions,
        collected.lanes(), new SceneAttributes(scene.timeOfDay(), scene.weather(),
            scene.sceneType(), tags), collected.provenance());
  }

  /** Writes frames as a loop manifest does: images relative to the manifest's folder. */
  private void writeManifest(String relative, List<Frame> frames) throws IOException {
    Path manifest = store.resolve(relative);
    Files.createDirectories(manifest.getParent());
    StringBuilder lines = new StringBuilder();
    for (Frame f : frames) {
      ImageRef image = f.image();
      String uri = manifest.getParent().relativize(Path.of(image.uri())).toString();
      lines.append(Mappers.json().writeValueAsString(new Frame(f.id(),
          new ImageRef(uri, image.width(), image.height(), image.sha256()), f.camera(),
          f.objects(), f.lanes(), f.scene(), f.provenance()))).append('\n');
    }
    Files.writeString(manifest, lines);
  }

  private void evaluate(ModelVersion version, long benchmark, double map, Double night,
      double car) {
    Map<String, SliceResult> slices = new LinkedHashMap<>();
    slices.put("timeofday=daytime", new SliceResult(6, 30, map + 0.05, null, Map.of()));
    slices.put("timeofday=night", new SliceResult(2, night == null ? 0 : 9, night, null,
        Map.of()));
    Map<String, Double> perClass = new LinkedHashMap<>();
    perClass.put("car", car);
    perClass.put("pedestrian", car / 2);
    new EvaluationRepository(dsl).save(version.id(), benchmark, Split.TEST, null,
        new SliceEvaluation(List.of("f1", "f2"), Map.of(CocoStat.AP, map),
            new SliceResult(8, 39, map, map + 0.2, perClass), slices));
  }

  /** The loop journal's rows, as the loop writes them when the iterations run. */
  private void journal() throws JsonProcessingException {
    long campaign = campaign(CAMPAIGN_NAME, "drive", "running");
    Pass first = new Pass(1, 2, 0, "drive:2", "tiny:2", MAPS[1], "tiny:2", true);
    long firstId = iteration(campaign, 1, "done", "completed", iterationStart(1),
        stageStart(1, "deploy").plusSeconds(STAGE_SECONDS.get("deploy")),
        new IterationSummary(1, 3, 2, 2, "drive:2", "tiny:2", MAPS[1], Map.of(), "tiny:2",
            true, "promoted tiny:2 to production", List.of("night improved")));
    completedStages(firstId, first);
    batch(firstId, first.batch(), "accepted", 0, iterationStart(1).plusSeconds(300),
        "{\"decision\": \"ACCEPT\", \"reasons\": [], \"requestedFrames\": 2, "
            + "\"labeledFrames\": 2, \"labels\": 7, \"flaggedShare\": 0.0}");

    // Its mined frames and accepted labels were deleted from the store since: the gallery
    // says so.
    Pass second = new Pass(2, 1, 1, "drive:3", "tiny:3", MAPS[2], "tiny:2", false);
    long secondId = iteration(campaign, 2, "done", "completed", iterationStart(2),
        stageStart(2, "deploy").plusSeconds(STAGE_SECONDS.get("deploy")),
        new IterationSummary(2, 2, 1, 1, "drive:3", "tiny:3", MAPS[2], Map.of(), "tiny:2",
            false, "not promoted: the deploy gate kept tiny:2", List.of("overall mAP fell")));
    completedStages(secondId, second);
    batch(secondId, second.batch(), "accepted", 1, iterationStart(2).plusSeconds(300),
        "{\"decision\": \"ACCEPT\", \"reasons\": [], \"requestedFrames\": 1, "
            + "\"labeledFrames\": 1, \"labels\": 4, \"flaggedShare\": 0.0}");

    Pass third = new Pass(3, 1, 0, null, null, 0, null, false);
    long thirdId = iteration(campaign, 3, "annotate", "waiting", iterationStart(3), null, null);
    Instant at = iterationStart(3);
    for (String stage : List.of("collect", "analyze", "mine")) {
      stage(thirdId, stage, "completed", at, at.plusSeconds(STAGE_SECONDS.get(stage)),
          json(third.detail(stage)));
      at = at.plusSeconds(STAGE_SECONDS.get(stage));
    }
    stage(thirdId, "annotate", "waiting", at, null, json(Map.of("batch", third.batch(),
        "frames", 1, "rework", 0)));
    batch(thirdId, third.batch(), "requested", 0, at, null);

    long quiet = campaign(QUIET, "empty", "running");
    long collecting = iteration(quiet, 1, "collect", "running", START, null, null);
    stage(collecting, "collect", "running", START, null, null);
  }

  /** Every stage of an iteration, completed back to back. */
  private void completedStages(long iteration, Pass pass) throws JsonProcessingException {
    Instant at = iterationStart(pass.number());
    for (Map.Entry<String, Long> s : STAGE_SECONDS.entrySet()) {
      stage(iteration, s.getKey(), "completed", at, at.plusSeconds(s.getValue()),
          json(pass.detail(s.getKey())));
      at = at.plusSeconds(s.getValue());
    }
  }

  /**
   * What one iteration of the campaign did, from which its stages' details are written.
   *
   * @param number the iteration
   * @param chosen frames mined, sent for labeling and accepted
   * @param rework how often its labels went back
   * @param datasetVersion the version its labels made
   * @param candidate the model version it trained
   * @param map the candidate's mAP on the benchmark
   * @param production the production model after it
   * @param promoted whether the candidate was promoted
   */
  private record Pass(int number, int chosen, int rework, String datasetVersion,
      String candidate, double map, String production, boolean promoted) {

    String batch() {
      return "lb-00000000000" + number;
    }

    /** A completed stage's detail with the keys the journal contract gives it. */
    Map<String, Object> detail(String stage) {
      Map<String, Object> d = new LinkedHashMap<>();
      switch (stage) {
        case "collect" -> {
          d.put("frames", 3);
          d.put("manifest", "collected/night-drive/iteration-" + number + "/frames.jsonl");
        }
        case "analyze" -> d.put("report", "reports/drive/v" + number);
        case "mine" -> {
          d.put("chosen", chosen);
          d.put("manifest", "mined/night-drive/iteration-" + number + "/frames.jsonl");
          d.put("reasons", number == 1
              ? Map.of("mined:uncertain", 1, "mined:rare:night", 1, "mined:diverse", 1)
              : Map.of("mined:flicker", 1));
          d.put("strategy", "mined");
        }
        case "annotate" -> {
          d.put("batch", batch());
          d.put("frames", chosen);
          d.put("rework", rework);
          d.put("accepted", "labeled/" + batch() + "/frames.jsonl");
        }
        case "convert" -> d.put("datasetVersion", datasetVersion);
        case "train" -> d.put("candidate", candidate);
        case "evaluate" -> {
          d.put("candidate", candidate);
          d.put("benchmark", "drive:1");
          d.put("split", "test");
          d.put("map", map);
        }
        case "deploy" -> {
          d.put("promoted", promoted);
          d.put("production", production);
          d.put("outcome", promoted ? "promoted " + candidate : "kept " + production);
          d.put("reasons", List.of());
        }
        default -> throw new IllegalArgumentException(stage);
      }
      return d;
    }
  }

  private long campaign(String name, String dataset, String status)
      throws JsonProcessingException {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", name);
    config.put("dataset", dataset);
    config.put("modelConfig", "configs/models/centernet-tiny.yaml");
    config.put("mining", Map.of("strategy", "mined", "framesPerIteration", 2));
    config.put("benchmark", Map.of("dataset", dataset, "version", 1));
    config.put("cadence", "P7D");
    return dsl.insertInto(CAMPAIGN)
        .set(CAMPAIGN.NAME, name)
        .set(CAMPAIGN.WORKFLOW_ID, "campaign-" + name)
        .set(CAMPAIGN.CONFIG, JSONB.valueOf(json(config)))
        .set(CAMPAIGN.STATUS, status)
        .set(CAMPAIGN.CREATED_AT, START.atOffset(ZoneOffset.UTC))
        .returning(CAMPAIGN.ID).fetchOne(CAMPAIGN.ID);
  }

  private long iteration(long campaign, int number, String stage, String status,
      Instant started, Instant finished, IterationSummary summary)
      throws JsonProcessingException {
    String name = dsl.select(CAMPAIGN.NAME).from(CAMPAIGN).where(CAMPAIGN.ID.eq(campaign))
        .fetchOne(CAMPAIGN.NAME);
    return dsl.insertInto(ITERATION)
        .set(ITERATION.CAMPAIGN_ID, campaign)
        .set(ITERATION.NUMBER, number)
        .set(ITERATION.WORKFLOW_ID, "campaign-" + name + "-iteration-" + number)
        .set(ITERATION.STAGE, stage)
        .set(ITERATION.STATUS, status)
        .set(ITERATION.STARTED_AT, started.atOffset(ZoneOffset.UTC))
        .set(ITERATION.FINISHED_AT, finished == null ? null : finished.atOffset(ZoneOffset.UTC))
        .set(ITERATION.SUMMARY, summary == null ? null : JSONB.valueOf(json(summary)))
        .returning(ITERATION.ID).fetchOne(ITERATION.ID);
  }

  private void stage(long iteration, String stage, String status, Instant started,
      Instant finished, String detail) {
    dsl.insertInto(ITERATION_STAGE)
        .set(ITERATION_STAGE.ITERATION_ID, iteration)
        .set(ITERATION_STAGE.STAGE, stage)
        .set(ITERATION_STAGE.STATUS, status)
        .set(ITERATION_STAGE.STARTED_AT, started.atOffset(ZoneOffset.UTC))
        .set(ITERATION_STAGE.FINISHED_AT,
            finished == null ? null : finished.atOffset(ZoneOffset.UTC))
        .set(ITERATION_STAGE.DETAIL, detail == null ? null : JSONB.valueOf(detail))
        .execute();
  }

  private void batch(long iteration, String key, String status, int rework, Instant requested,
      String qaReport) {
    long dataset = dsl.select(DATASET.ID).from(DATASET).where(DATASET.NAME.eq("drive"))
        .fetchOne(DATASET.ID);
    boolean returned = qaReport != null;
    dsl.insertInto(ANNOTATION_BATCH)
        .set(ANNOTATION_BATCH.BATCH_KEY, key)
        .set(ANNOTATION_BATCH.ITERATION_ID, iteration)
        .set(ANNOTATION_BATCH.DATASET_ID, dataset)
        .set(ANNOTATION_BATCH.VENDOR, "simulated")
        .set(ANNOTATION_BATCH.STATUS, status)
        .set(ANNOTATION_BATCH.EXPORT_URI, "outbox/" + key)
        .set(ANNOTATION_BATCH.RETURN_URI, returned ? "inbox/" + key + "/labels.json" : null)
        .set(ANNOTATION_BATCH.RETURN_FORMAT, returned ? "coco" : null)
        .set(ANNOTATION_BATCH.REWORK_COUNT, rework)
        .set(ANNOTATION_BATCH.QA_REPORT, returned ? JSONB.valueOf(qaReport) : null)
        .set(ANNOTATION_BATCH.REQUESTED_AT, requested.atOffset(ZoneOffset.UTC))
        .set(ANNOTATION_BATCH.RETURNED_AT,
            returned ? requested.plusSeconds(86_400).atOffset(ZoneOffset.UTC) : null)
        .set(ANNOTATION_BATCH.DECIDED_AT,
            returned ? requested.plusSeconds(90_000).atOffset(ZoneOffset.UTC) : null)
        .execute();
  }

  private static String json(Object value) throws JsonProcessingException {
    return Mappers.json().writeValueAsString(value);
  }

  private static Map<String, Long> stageSeconds() {
    Map<String, Long> seconds = new LinkedHashMap<>();
    seconds.put("collect", 60L);
    seconds.put("analyze", 30L);
    seconds.put("mine", 120L);
    seconds.put("annotate", 2 * 86_400L);
    seconds.put("convert", 45L);
    seconds.put("train", 3 * 3600L);
    seconds.put("evaluate", 300L);
    seconds.put("deploy", 20L);
    return seconds;
  }
}
