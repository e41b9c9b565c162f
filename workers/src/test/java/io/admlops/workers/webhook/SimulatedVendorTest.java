package io.admlops.workers.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.admlops.activities.RepositoryFiles;
import io.admlops.activities.annotate.AnnotationStandard;
import io.admlops.activities.annotate.ReturnFormat;
import io.admlops.activities.annotate.ReturnedLabels;
import io.admlops.activities.annotate.SimulatedVendorOrder;
import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.loop.LoopActivitiesImpl;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.TestDatabase;
import io.admlops.activities.train.GeneratedFrames;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.json.Mappers;
import io.admlops.workflows.PayloadConverter;
import io.admlops.workflows.loop.AnnotationsReturned;
import io.admlops.workflows.loop.CampaignConfig;
import io.admlops.workflows.loop.LabelingBatch;
import io.admlops.workflows.loop.LabelsRequest;
import io.admlops.workflows.loop.LoopSignals;
import io.admlops.workflows.loop.QaVerdict;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The simulated labeling vendor in a worker: labeling jobs written by the real loop
 * activities, answered with the collected frames' ground truth through a real webhook with a
 * secret, in front of Temporal's test service where a stand-in campaign waits for the batch.
 */
class SimulatedVendorTest {

  private static final String SECRET = "s3cret-of-this-worker";
  private static final String CAMPAIGN = "night";
  private static final String DEFINITION =
      RepositoryFiles.locate("configs/datasets/driving-2d.yaml").toString();
  private static final String MINED = "mined/night/iteration-2/frames.jsonl";
  private static final String GROUND_TRUTH = "ground-truth/gen-42";

  @RegisterExtension
  static final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(WaitingCampaignWorkflowImpl.class)
      .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
          .setDataConverter(PayloadConverter.dataConverter()).build())
      .build();

  @TempDir Path dir;
  private Path store;
  private List<Frame> truth;
  private RegistryDatabase database;
  private DatasetRegistry datasets;
  private SimulatedVendor vendor;
  private LoopActivitiesImpl loop;
  private AnnotationsWebhook webhook;
  private WorkflowClient client;
  private WorkflowOptions options;
  private WaitingCampaignWorkflow campaign;

  @BeforeEach
  void collectedFramesAndAWorkerWithItsWebhook(WorkflowClient client, WorkflowOptions options)
      throws Exception {
    this.client = client;
    this.options = options;
    store = dir.resolve("store");
    // What collect keeps apart and mining picks: here every frame, predicted perfectly.
    truth = GeneratedFrames.write("night-and-fog.yaml", 42, 6, store.resolve("collected/gen-42"));
    writeManifest(store.resolve(GROUND_TRUTH).resolve("frames.jsonl"), truth);
    writeManifest(store.resolve(MINED), truth.stream().map(f -> f.withObjects(f.objects()
        .stream().map(o -> new FrameObject(null, o.category(), o.box(), null, null, null, null,
            false, false, null, 0.9, null)).toList())).toList());
    database = TestDatabase.freshRegistry();
    datasets = new DatasetRegistry(database, new DatasetStore(store));
    vendor = new SimulatedVendor(Duration.ofMillis(200));
    loop = new LoopActivitiesImpl(database.dsl(), datasets, store, vendor);
    webhook = AnnotationsWebhook.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        Optional.of(new WebhookSignature(SECRET)), new AnnotationsDelivery(client));
    vendor.deliverThrough(webhook);
  }

  @AfterEach
  void stopWorker() {
    vendor.close();
    webhook.close();
  }

  @Test
  void aSimulatedJobIsAnsweredThroughTheWebhookAfterTheDelayWithTheGroundTruth()
      throws Exception {
    Instant asked = Instant.now();
    LabelingBatch batch = loop.requestLabels(request(2, simulated("PT1S", 0)));
    waitFor(batch);
    assertEquals(List.of(), campaign.received(), "nothing before the delay");

    AnnotationsReturned returned = awaitSignals(1).get(0);

    assertTrue(Duration.between(asked, Instant.now()).compareTo(Duration.ofSeconds(1)) >= 0);
    assertEquals(batch.batchId(), returned.batchId());
    assertEquals("labelstudio", returned.format());
    Path job = Path.of(URI.create(batch.outboxUri()));
    SimulatedVendorOrder first = order(batch, 0);
    assertEquals(first.labelsFile().toUri().toString(), returned.uri());
    // The receipt is the webhook's answer to the signed call.
    assertEquals("accepted", Mappers.json().readTree(first.receipt().toFile())
        .path("status").asText());
    assertEquals(truthLabels(), labels(returned, job));
    QaVerdict verdict = loop.checkLabels(batch, returned, DEFINITION);
    assertTrue(verdict.accepted(), verdict.reasons().toString());
    assertEquals(6, verdict.labeledFrames());
  }

  @Test
  void theFirstDeliveryHasTheConfiguredErrorsAndTheReworkHasNone() throws Exception {
    LabelingBatch batch = loop.requestLabels(request(2, simulated("PT0.2S", 1.0)));
    waitFor(batch);
    AnnotationsReturned careless = awaitSignals(1).get(0);
    Path job = Path.of(URI.create(batch.outboxUri()));

    Set<String> wrong = labels(careless, job);
    wrong.retainAll(truthLabels());
    assertEquals(Set.of(), wrong, "at rate 1 every box is dropped, shifted or misclassified");
    QaVerdict rejected = loop.checkLabels(batch, careless, DEFINITION);
    assertFalse(rejected.accepted());

    // The campaign sends the batch back and waits for it again.
    WorkflowStub.fromTyped(campaign).terminate("rework requested");
    waitFor(batch);
    loop.requestRework(batch, rejected, 1);
    AnnotationsReturned fixed = awaitSignals(1).get(0);

    assertEquals(order(batch, 1).labelsFile().toUri().toString(), fixed.uri());
    assertEquals(truthLabels(), labels(fixed, job));
    assertTrue(loop.checkLabels(batch, fixed, DEFINITION).accepted());
  }

  @Test
  void aReminderHandsOverWhatARestartedWorkerLostAndNothingOnceDelivered() throws Exception {
    SimulatedVendor stopped = new SimulatedVendor();
    LabelingBatch batch = new LoopActivitiesImpl(database.dsl(), datasets, store, stopped)
        .requestLabels(request(2, simulated("PT1S", 0)));
    assertEquals(1, stopped.owed());
    stopped.close();
    waitFor(batch);

    loop.remind(batch, 1);
    assertEquals(1, vendor.owed());
    awaitSignals(1);
    await(() -> vendor.owed() == 0);
    loop.remind(batch, 2);

    assertEquals(0, vendor.owed());
    assertTrue(order(batch, 0).delivered());
    assertEquals(1, campaign.received().size());
  }

  @Test
  void aJobForAnExternalVendorIsNeverAnswered() throws Exception {
    LabelingBatch batch = loop.requestLabels(request(2,
        new CampaignConfig.Labeling(0, "external", null, null, -1, "PT0S", 0)));
    waitFor(batch);
    loop.remind(batch, 1);

    assertEquals(0, vendor.owed());
    assertFalse(Files.exists(Path.of(URI.create(batch.outboxUri()))
        .resolve(SimulatedVendorOrder.FOLDER)));
    assertEquals(List.of(), campaign.received());
  }

  @Test
  void withoutAWebhookThatTakesCallsTheVendorSaysOnceWhatToSet() throws Exception {
    SimulatedVendor unheard = new SimulatedVendor();
    LoopActivitiesImpl worker = new LoopActivitiesImpl(database.dsl(), datasets, store, unheard);
    Logger logger = (Logger) LoggerFactory.getLogger(SimulatedVendor.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try {
      LabelingBatch second = worker.requestLabels(request(2, simulated("PT0S", 0)));
      LabelingBatch third = worker.requestLabels(request(3, simulated("PT0S", 0)));
      await(() -> unheard.owed() == 0);

      List<String> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN)
          .map(ILoggingEvent::getFormattedMessage).toList();
      assertEquals(1, warnings.size(), warnings::toString);
      assertTrue(warnings.get(0).contains("cannot deliver batch " + second.batchId()
          + ": this process serves no webhook with a shared secret"), warnings.get(0));
      assertTrue(warnings.get(0).contains("Set ADMLOPS_WEBHOOK_SECRET or pass "
          + "--webhook-secret-file FILE"), warnings.get(0));
      assertFalse(Files.exists(order(second, 0).labelsFile()));
      assertFalse(Files.exists(order(third, 0).labelsFile()));
    } finally {
      logger.detachAppender(log);
      unheard.close();
    }
  }

  private static LabelsRequest request(int iteration, CampaignConfig.Labeling labeling) {
    return new LabelsRequest(CAMPAIGN, iteration, MINED, GROUND_TRUTH, DEFINITION, labeling,
        "drive");
  }

  private static CampaignConfig.Labeling simulated(String delay, double errorRate) {
    return new CampaignConfig.Labeling(0, "simulated", null, null, -1, delay, errorRate);
  }

  /** The simulated vendor's delivery of an attempt at the batch, as the worker made it. */
  private SimulatedVendorOrder order(LabelingBatch batch, int attempt) {
    return new SimulatedVendorOrder(CAMPAIGN, batch.batchId(),
        Path.of(URI.create(batch.outboxUri())), attempt, Duration.ZERO, 0,
        store.resolve(GROUND_TRUTH), Path.of(DEFINITION));
  }

  /** Starts the stand-in campaign, waiting for the batch. */
  private void waitFor(LabelingBatch batch) {
    campaign = client.newWorkflowStub(WaitingCampaignWorkflow.class, options.toBuilder()
        .setWorkflowId(LoopSignals.campaignWorkflowId(CAMPAIGN)).build());
    WorkflowClient.start(campaign::run, CAMPAIGN, List.of(batch.batchId()));
  }

  private List<AnnotationsReturned> awaitSignals(int count) throws InterruptedException {
    await(() -> campaign.received().size() >= count);
    return campaign.received();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!condition.getAsBoolean()) {
      assertTrue(Instant.now().isBefore(deadline), "nothing happened within 30 s");
      Thread.sleep(50);
    }
  }

  /** The returned boxes, one "frame class box" line each. */
  private static Set<String> labels(AnnotationsReturned returned, Path job) throws IOException {
    ReturnedLabels read = ReturnFormat.named(returned.format()).read(returned.uri(), job,
        AnnotationStandard.load(Path.of(DEFINITION)));
    return read.frames().values().stream().flatMap(f -> f.objects().stream()
        .map(o -> label(f.id(), o))).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The ground truth's boxes in the same form. */
  private Set<String> truthLabels() {
    return truth.stream().flatMap(f -> f.objects().stream()
        .filter(o -> !"DontCare".equals(o.category())).map(o -> label(f.id(), o)))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String label(String frameId, FrameObject o) {
    return String.format(Locale.ROOT, "%s %s %.2f %.2f %.2f %.2f", frameId, o.category(),
        o.box().x1(), o.box().y1(), o.box().x2(), o.box().y2());
  }

  private static void writeManifest(Path manifest, List<Frame> frames) throws IOException {
    Files.createDirectories(manifest.getParent());
    List<String> lines = new ArrayList<>();
    for (Frame f : frames) {
      lines.add(Mappers.json().writeValueAsString(f));
    }
    Files.write(manifest, lines);
  }
}
