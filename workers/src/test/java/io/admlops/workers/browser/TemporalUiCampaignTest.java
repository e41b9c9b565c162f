package io.admlops.workers.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.activities.RepositoryFiles;
import io.admlops.activities.annotate.AnnotationStandard;
import io.admlops.activities.annotate.LabelErrors;
import io.admlops.activities.annotate.SimulatedLabelingVendor;
import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.schemas.json.Mappers;
import io.admlops.workers.demo.DemoDrive;
import io.admlops.workers.stack.DevStack;
import io.admlops.workers.stack.StackSettings;
import io.admlops.workers.stack.TemporalConnection;
import io.admlops.workflows.TaskQueues;
import io.admlops.workflows.loop.CampaignStatus;
import io.admlops.workflows.loop.CampaignWorkflow;
import io.admlops.workflows.loop.PendingBatch;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walkthrough of docs/temporal-ui.md, done in a real browser against the real Temporal dev
 * server and the project's workers (polling over gRPC, an embedded PostgreSQL): a person
 * starts a campaign from the UI's Start Workflow form with the JSON of docs/campaigns.md, finds
 * it and its iterations in the list with their search attributes and memo, reads the
 * {@code status} query, hands in the labels a vendor returned and approves the deployment
 * through the UI's signal form. The screenshots are the walkthrough's pictures.
 */
@ExtendWith(ChromiumExtension.class)
class TemporalUiCampaignTest {

  private static final String CAMPAIGN = "campaign-night-and-fog";
  /** Training, evaluation and the export check of a test-size model take well under this. */
  private static final Duration STAGE_PATIENCE = Duration.ofMinutes(5);
  /**
   * The list's own columns a person needs here, then the loop's search attributes; the
   * workflow ids say which workflow is an iteration, so the type is left out for room.
   */
  private static final List<String> COLUMNS = List.of("Status", "Workflow ID",
      "CampaignName", "Iteration", "Stage", "DatasetVersion", "ModelVersion", "BestMAP");

  @TempDir Path dir;

  @Test
  void aPersonStartsACampaignInTheTemporalUiAndSteersItWithSignalsAndTheStatusQuery(
      HeadlessChromium browser) throws Exception {
    Path cli = TemporalDevServer.requiredCli();
    Path home = dir.resolve("home");
    try (TemporalDevServer temporal = TemporalDevServer.start(cli, dir);
        DevStack stack = DevStack.start(StackSettings.resolve(temporal.address(), null, null,
            Map.of("ADMLOPS_HOME", home.toString())), List.of(TaskQueues.values()), 0);
        TemporalConnection connection = TemporalConnection.open(temporal.address(), "default")) {
      Path datasets = home.resolve("datasets");
      seed(stack, datasets);
      TemporalUi ui = new TemporalUi(browser, temporal.uiUrl());
      CampaignWorkflow campaign =
          connection.client().newWorkflowStub(CampaignWorkflow.class, CAMPAIGN);

      JsonNode config = tinyCampaign();
      JsonNode typed = ui.startWorkflow(CAMPAIGN, "admlops-workflows", "CampaignWorkflow",
          config, "01-start-workflow");
      assertEquals(config, typed, "the form holds the JSON that was typed");

      // The first iteration trains the first model; the second waits for its labels.
      PendingBatch batch = awaitStatus(campaign, s -> !s.pendingBatches().isEmpty())
          .pendingBatches().get(0);

      awaitListed(connection, "CampaignName = 'night-and-fog' AND Stage = 'annotate'");
      List<Map<String, String>> rows = ui.workflows(COLUMNS, "02-workflows");
      Map<String, String> campaignRow = row(rows, CAMPAIGN);
      assertEquals("Running", campaignRow.get("Status"), campaignRow.toString());
      assertEquals("night-and-fog", campaignRow.get("CampaignName"), campaignRow.toString());
      assertEquals("2", campaignRow.get("Iteration"), campaignRow.toString());
      assertEquals("annotate", campaignRow.get("Stage"), campaignRow.toString());
      assertEquals("drive:1", campaignRow.get("DatasetVersion"), campaignRow.toString());
      assertEquals("centernet-ui:1", campaignRow.get("ModelVersion"), campaignRow.toString());
      assertEquals("Completed", row(rows, CAMPAIGN + "-iter-1").get("Status"));
      Map<String, String> iterationRow = row(rows, CAMPAIGN + "-iter-2");
      assertEquals("Running", iterationRow.get("Status"), iterationRow.toString());
      assertEquals("night-and-fog", iterationRow.get("CampaignName"), iterationRow.toString());
      assertEquals("2", iterationRow.get("Iteration"), iterationRow.toString());
      assertEquals("annotate", iterationRow.get("Stage"), iterationRow.toString());

      JsonNode attributes = ui.tab(CAMPAIGN, "search-attributes", "03-search-attributes")
          .path("indexedFields");
      assertEquals("night-and-fog", attributes.path("CampaignName").asText(), attributes + "");
      assertEquals("annotate", attributes.path("Stage").asText(), attributes + "");
      assertEquals("centernet-ui:1", attributes.path("ModelVersion").asText(), attributes + "");
      assertTrue(attributes.path("BestMAP").isNumber(), attributes + "");

      String summary = ui.tab(CAMPAIGN, "memo", "04-memo").path("fields").path("summary")
          .asText();
      assertTrue(summary.startsWith("night-and-fog: running, iteration 2 (annotate), dataset "
          + "drive:1, "
          + "production centernet-ui:1"), summary);
      assertEquals("night-and-fog iteration 2", ui.tab(CAMPAIGN + "-iter-2", "memo",
          "05-iteration-memo").path("fields").path("summary").asText());

      JsonNode waiting = ui.query(CAMPAIGN, "status", "06-status-waiting-for-labels");
      assertEquals("annotate", waiting.path("stage").asText(), waiting + "");
      assertEquals(batch.batchId(),
          waiting.path("pendingBatches").path(0).path("batchId").asText(), waiting + "");
      assertEquals(20, waiting.path("pendingBatches").path(0).path("frames").asInt(),
          waiting + "");

      Path labels = vendorReturns(batch, datasets);
      ui.signal(CAMPAIGN, "annotationsReturned", Mappers.json().createObjectNode()
          .put("batchId", batch.batchId())
          .put("uri", labels.toUri().toString())
          .put("format", "labelstudio"), "07-signal-annotations-returned");

      CampaignStatus candidate = awaitStatus(campaign, s -> s.awaitingApproval() != null);
      JsonNode approval = ui.query(CAMPAIGN, "status", "08-status-awaiting-approval");
      assertEquals("centernet-ui:2", approval.path("awaitingApproval").asText(), approval + "");
      assertEquals(candidate.awaitingApproval(), approval.path("awaitingApproval").asText());
      assertEquals("deploy", approval.path("stage").asText(), approval + "");
      assertTrue(approval.path("pendingBatches").isEmpty(), approval + "");
      assertTrue(approval.path("notes").toString().contains("iteration 2: batch "
          + batch.batchId() + " accepted: 20 frames"), approval + "");

      ui.signal(CAMPAIGN, "approveDeployment",
          Mappers.json().getNodeFactory().textNode("per-slice table checked"),
          "09-signal-approve-deployment");
      try {
        WorkflowStub.fromTyped(campaign).getResult(STAGE_PATIENCE.toSeconds(),
            TimeUnit.SECONDS, Void.class);
      } catch (TimeoutException e) {
        fail("the campaign did not finish within " + STAGE_PATIENCE + ": " + campaign.status());
      }

      ui.expectStatus(CAMPAIGN, "Completed", "10-campaign-completed");
      JsonNode finished = ui.query(CAMPAIGN, "status", "11-status-finished");
      assertEquals("finished", finished.path("state").asText(), finished + "");
      assertEquals("centernet-ui:2", finished.path("productionModel").asText(), finished + "");
      assertEquals("drive:2", finished.path("datasetVersion").asText(), finished + "");
      assertEquals(20, finished.path("labelsSpent").asInt(), finished + "");
      JsonNode iteration = ui.result(CAMPAIGN + "-iter-2", "12-iteration-result");
      assertEquals("promoted centernet-ui:2 to production", iteration.path("outcome").asText(),
          iteration + "");
      assertTrue(iteration.path("reasons").toString()
          .contains("approved: per-slice table checked"), iteration + "");
    }
  }

  /**
   * The campaign of docs/campaigns.md at test size: a short training, a hundred frames an
   * iteration, two iterations; the labels come from a person (an external vendor) and the
   * candidate waits for approval, so every signal of the walkthrough is needed.
   */
  private static JsonNode tinyCampaign() throws IOException {
    ObjectNode config = (ObjectNode) documentedCampaign();
    Path model = Files.createDirectories(Path.of("target", "temporal-ui"))
        .resolve("centernet-ui.yaml");
    Files.writeString(model, "extends: "
        + RepositoryFiles.locate("configs/models/centernet-demo.yaml") + "\n"
        + "name: centernet-ui\ntraining: {epochs: 2, batchSize: 8}\n");
    config.put("datasetDefinition", asWorkersSeeIt(definition()));
    config.put("modelConfig", model.toString());
    ((ObjectNode) config.path("collect"))
        .put("mix", asWorkersSeeIt(RepositoryFiles.locate("configs/collect/demo-fleet.yaml")))
        .put("framesPerIteration", 100).put("seed", 100);
    ((ObjectNode) config.path("mining")).put("framesPerIteration", 20);
    ((ObjectNode) config.path("labeling")).put("vendor", "external");
    ObjectNode deploy = (ObjectNode) config.path("deploy");
    // Whatever the candidate scores, it reaches the approval step the walkthrough shows.
    deploy.put("tolerance", 1.0).put("requireApproval", true).putArray("targetSlices");
    config.put("cadence", "PT1S").put("iterations", 2);
    return config;
  }

  /**
   * A path relative to the folder the workers run in, as docs/campaigns.md writes them: the
   * form and its screenshot then name no folder of the machine the test runs on.
   */
  private static String asWorkersSeeIt(Path file) {
    return Path.of("").toAbsolutePath().relativize(file).toString();
  }

  /** The JSON docs/campaigns.md tells a person to paste into the Start Workflow form. */
  private static JsonNode documentedCampaign() throws IOException {
    String page = Files.readString(RepositoryFiles.locate("docs/campaigns.md"));
    Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(page);
    assertTrue(block.find(), "docs/campaigns.md shows the Start Workflow JSON");
    return Mappers.json().readTree(block.group(1));
  }

  /** The labeled drive the dataset starts from and the benchmark, as the demo seeds them. */
  private static void seed(DevStack stack, Path datasets) throws IOException {
    DatasetRegistry registry = new DatasetRegistry(RegistryDatabase.open(stack.database()),
        new DatasetStore(datasets));
    DatasetDefinition definition = DatasetDefinition.load(definition());
    new DemoDrive(RepositoryFiles.locate("configs/collect/fleet.yaml"), 120, 1)
        .importAs("drive", definition, registry, datasets);
    new DemoDrive(RepositoryFiles.locate("configs/collect/all-conditions.yaml"), 150, 2)
        .importAs("benchmark", definition, registry, datasets);
  }

  /**
   * What a labeling vendor hands back for the batch, into the job's folder: a Label Studio
   * export of the job's tasks, labeled with the generator's ground truth.
   */
  private static Path vendorReturns(PendingBatch batch, Path datasets) throws IOException {
    List<Path> groundTruth;
    try (Stream<Path> files = Files.walk(datasets.resolve("ground-truth"))) {
      groundTruth = files.filter(p -> p.getFileName().toString().equals("frames.jsonl"))
          .toList();
    }
    Path job = Path.of(URI.create(batch.outboxUri()));
    Path export = Files.createDirectories(job.resolve("returned")).resolve("labelstudio.json");
    SimulatedLabelingVendor.fromGroundTruth(groundTruth, AnnotationStandard.load(definition()))
        .labelStudioExport(job, LabelErrors.NONE, export);
    return export;
  }

  private static CampaignStatus awaitStatus(CampaignWorkflow campaign,
      Predicate<CampaignStatus> reached) throws InterruptedException {
    long deadline = System.nanoTime() + STAGE_PATIENCE.toNanos();
    CampaignStatus status = null;
    while (System.nanoTime() < deadline) {
      try {
        status = campaign.status();
        if (reached.test(status)) {
          return status;
        }
        if ("finished".equals(status.state())) {
          break;
        }
      } catch (RuntimeException e) {
        // The campaign's first workflow task may not have run yet.
      }
      Thread.sleep(1000);
    }
    return fail("the campaign finished, or did not get there within " + STAGE_PATIENCE + ": "
        + status);
  }

  /**
   * Waits until the server's list of workflows (its visibility store, which the UI's list
   * reads and which follows the workflows a moment later) finds one by {@code query}.
   */
  private static void awaitListed(TemporalConnection connection, String query)
      throws InterruptedException {
    long deadline = System.nanoTime() + STAGE_PATIENCE.toNanos();
    while (connection.client().listExecutions(query).findAny().isEmpty()) {
      if (System.nanoTime() > deadline) {
        fail("no workflow is listed for " + query + " after " + STAGE_PATIENCE);
      }
      Thread.sleep(200);
    }
  }

  private static Map<String, String> row(List<Map<String, String>> rows, String workflowId) {
    return rows.stream().filter(r -> workflowId.equals(r.get("Workflow ID"))).findFirst()
        .orElseGet(() -> fail("no row for " + workflowId + " in " + rows));
  }

  private static Path definition() {
    return RepositoryFiles.locate("configs/datasets/driving-2d.yaml");
  }
}
