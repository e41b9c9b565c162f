package io.admlops.activities.loop;

import io.admlops.activities.analyze.AnalysisReport;
import io.admlops.activities.analyze.DatasetAnalysis;
import io.admlops.activities.annotate.AnnotationQa;
import io.admlops.activities.annotate.AnnotationStandard;
import io.admlops.activities.annotate.LabelingJob;
import io.admlops.activities.annotate.LabelingJobRequest;
import io.admlops.activities.annotate.LabelingJobWriter;
import io.admlops.activities.annotate.QaPolicy;
import io.admlops.activities.annotate.QaReport;
import io.admlops.activities.annotate.ReturnFormat;
import io.admlops.activities.annotate.ReturnedLabels;
import io.admlops.activities.annotate.SimulatedVendorOrder;
import io.admlops.activities.annotate.SimulatedVendorOrders;
import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.FrameSource;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.model.ModelConfigLoader;
import io.admlops.activities.modelzoo.ModelAliases;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.ModelVersions;
import io.admlops.activities.store.Sha256;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.workflows.loop.AnnotationsReturned;
import io.admlops.workflows.loop.CampaignStart;
import io.admlops.workflows.loop.LabelingBatch;
import io.admlops.workflows.loop.LabelsRequest;
import io.admlops.workflows.loop.LoopActivities;
import io.admlops.workflows.loop.QaVerdict;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop's cpu-queue stages. Outputs live in the dataset store under names fixed by
 * campaign, iteration or batch ({@code reports/}, {@code outbox/}, {@code labeled/}), and
 * registry writes are upserts, so every method may be retried. The labeling round trip is
 * journaled in {@code annotation_batch} as it goes. Requests no retry can fix
 * fail as {@value #INVALID_REQUEST}.
 */
public class LoopActivitiesImpl implements LoopActivities {

  /** The failure type of a request that cannot succeed however often it is retried. */
  public static final String INVALID_REQUEST = "InvalidLoopRequest";

  /**
   * QA for the loop: a vendor who leaves out objects the model is confident about is sent
   * back, but labels the model did not predict are not held against the vendor, since the
   * model is what the loop is trying to improve.
   */
  static final QaPolicy QA = new QaPolicy(0.5, 0.5, 0.5, 1.0, 0.2);

  private static final Logger LOG = LoggerFactory.getLogger(LoopActivitiesImpl.class);

  private static final String CAMPAIGN = "campaign";
  private static final Pattern REWORK_NOTE = Pattern.compile("rework-(\\d+)\\.txt");

  private final DSLContext dsl;
  private final DatasetRegistry datasets;
  private final Path store;
  private final SimulatedVendorOrders vendor;
  private final AnnotationBatches batches;

  /**
   * @param store the dataset store ({@code $DATASET})
   * @param vendor where jobs go that the simulated labeling vendor answers
   */
  public LoopActivitiesImpl(DSLContext dsl, DatasetRegistry datasets, Path store,
      SimulatedVendorOrders vendor) {
    this.dsl = dsl;
    this.datasets = datasets;
    this.store = store;
    this.vendor = vendor;
    this.batches = new AnnotationBatches(dsl);
  }

  @Override
  public CampaignStart start(String dataset, String modelConfig) {
    return guarded(() -> {
      ModelConfig config = ModelConfigLoader.load(Path.of(modelConfig));
      String production = new ModelVersions(dsl).find(config.name() + "@production")
          .map(ModelVersion::label).orElse(null);
      return new CampaignStart(config.name(), config.resolvedYaml(),
          datasets.newestVersion(dataset), production);
    });
  }

  @Override
  public String analyze(String dataset, int version) {
    return guarded(() -> {
      String report = "reports/" + dataset + "/v" + version;
      Path folder = store.resolve(report);
      // A version never changes, so an existing report is this version's report.
      if (!Files.isRegularFile(folder.resolve(AnalysisReport.JSON))) {
        DatasetAnalysis analysis = new DatasetAnalysis();
        datasets.exportVersion(dataset, version, analysis);
        AnalysisReport.write(analysis.result(datasets.definition(dataset).orElse(null)),
            folder);
      }
      return report;
    });
  }

  @Override
  public LabelingBatch requestLabels(LabelsRequest request) {
    return guarded(() -> {
      VendorTerms terms = VendorTerms.of(request);
      List<Frame> mined = LoopManifests.read(store.resolve(request.minedManifest()));
      Map<String, List<FrameObject>> predictions = new LinkedHashMap<>();
      mined.forEach(f -> predictions.put(f.id(), f.objects()));
      List<Frame> unlabeled = mined.stream().map(f -> f.withObjects(List.of())).toList();
      String batchId = "lb-" + Sha256.of(request.campaign() + "\n" + request.iteration() + "\n"
          + String.join("\n", predictions.keySet())).substring(0, 12);
      Map<String, String> createdFrom = new LinkedHashMap<>(terms.metadata());
      createdFrom.put(CAMPAIGN, request.campaign());
      createdFrom.put("iteration", Integer.toString(request.iteration()));
      createdFrom.put("mined", request.minedManifest());
      Path job = new LabelingJobWriter(outbox()).write(new LabelingJobRequest(batchId,
          unlabeled, predictions, AnnotationStandard.load(Path.of(request.definition())),
          request.campaign(), createdFrom, null));
      LabelingBatch batch = new LabelingBatch(batchId, job.toUri().toString(),
          unlabeled.size(), request.minedManifest());
      batches.requested(batchId, request);
      simulatedOrder(batch, 0).filter(order -> !order.delivered()).ifPresent(vendor::place);
      return batch;
    });
  }

  @Override
  public void remind(LabelingBatch batch, int reminder) {
    guarded(() -> {
      Path job = jobFolder(batch);
      Path note = job.resolve("reminder-" + reminder + ".txt");
      Files.writeString(note, "Reminder " + reminder + ": labels for batch " + batch.batchId()
          + " (" + batch.frames() + " frames) are still awaited.\n", StandardCharsets.UTF_8);
      LOG.info("labels for batch {} still awaited, reminder {}", batch.batchId(), reminder);
      // The simulated vendor's timer lives in one process; a restart or a refused call loses
      // the delivery, and the reminder is what brings it about again.
      Optional<SimulatedVendorOrder> owed = simulatedOrder(batch, latestRework(job))
          .filter(order -> !order.delivered());
      owed.ifPresent(order -> {
        LOG.info("batch {} handed to the simulated vendor again (attempt {})",
            batch.batchId(), order.attempt());
        vendor.place(order);
      });
      return null;
    });
  }

  @Override
  public QaVerdict checkLabels(LabelingBatch batch, AnnotationsReturned returned,
      String definition) {
    return guarded(() -> {
      Path job = jobFolder(batch);
      batches.returned(batch.batchId(), returned);
      AnnotationStandard standard = AnnotationStandard.load(Path.of(definition));
      ReturnedLabels labels = ReturnFormat.named(returned.format())
          .read(returned.uri(), job, standard);
      QaReport report = new AnnotationQa(QA).check(labels);
      report.writeJson(job.resolve("qa-" + Sha256.of(returned.uri()).substring(0, 8)
          + ".json"));
      batches.decided(batch.batchId(), report);
      if (!report.accepted()) {
        return new QaVerdict(false, report.reasons(), null, 0);
      }
      List<Frame> requested = LoopManifests.read(store.resolve(batch.minedManifest())).stream()
          .map(f -> f.withObjects(List.of())).toList();
      List<Frame> accepted = labels.applyTo(requested);
      String manifest = "labeled/" + batch.batchId() + "/frames.jsonl";
      LoopManifests.write(store.resolve(manifest), accepted);
      return new QaVerdict(true, report.reasons(), manifest, accepted.size());
    });
  }

  @Override
  public void requestRework(LabelingBatch batch, QaVerdict verdict, int rework) {
    guarded(() -> {
      Files.writeString(jobFolder(batch).resolve("rework-" + rework + ".txt"),
          "Batch " + batch.batchId() + " failed QA and comes back for rework " + rework
              + ":\n- " + String.join("\n- ", verdict.reasons()) + "\n",
          StandardCharsets.UTF_8);
      batches.reworkRequested(batch.batchId(), rework);
      simulatedOrder(batch, rework).filter(order -> !order.delivered())
          .ifPresent(vendor::place);
      return null;
    });
  }

  @Override
  public int importLabels(String dataset, int parentVersion, String labeledManifest,
      String note) {
    return guarded(() -> datasets.importVersion(dataset, null,
        FrameSource.of(LoopManifests.read(store.resolve(labeledManifest))),
        parentVersion > 0 ? parentVersion : null, note).version());
  }

  @Override
  public String promote(String modelVersion, String alias, String reason) {
    return guarded(() -> new ModelAliases(dsl).move(modelVersion, alias, "campaign", reason));
  }

  private Path outbox() {
    return store.resolve("outbox");
  }

  private Path jobFolder(LabelingBatch batch) {
    return outbox().resolve(batch.batchId());
  }

  /**
   * The simulated vendor's delivery of an attempt at the batch, as the job's own record says;
   * empty when another vendor answers the job.
   */
  private Optional<SimulatedVendorOrder> simulatedOrder(LabelingBatch batch, int attempt)
      throws IOException {
    Path folder = jobFolder(batch);
    LabelingJob job = LabelingJob.read(folder);
    return VendorTerms.of(job).order(job.createdFrom().get(CAMPAIGN), batch.batchId(), folder,
        store, attempt);
  }

  /** The number of the last rework requested for the job, 0 when none was: its notes say. */
  private static int latestRework(Path job) throws IOException {
    try (Stream<Path> files = Files.list(job)) {
      return files.map(f -> REWORK_NOTE.matcher(f.getFileName().toString()))
          .filter(Matcher::matches)
          .mapToInt(note -> Integer.parseInt(note.group(1)))
          .max().orElse(0);
    }
  }

  /** Runs a stage, turning user errors into non-retryable failures. */
  private static <T> T guarded(Stage<T> stage) {
    try {
      return stage.run();
    } catch (UserInputException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_REQUEST);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stage's work. */
  private interface Stage<T> {
    T run() throws IOException;
  }
}
