package io.admlops.workers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admlops.workers.stack.EmbeddedTemporalServer;
import io.admlops.workers.stack.TemporalConnection;
import io.admlops.workers.webhook.WaitingCampaignWorkflow;
import io.admlops.workers.webhook.WaitingCampaignWorkflowImpl;
import io.admlops.workflows.TaskQueues;
import io.admlops.workflows.loop.AnnotationsReturned;
import io.admlops.workflows.loop.LoopSignals;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code admlops annotations submit} against Temporal's service on a loopback port, where a
 * stand-in campaign on a real gRPC worker waits for batch b1.
 */
class AnnotationsCommandTest {

  @TempDir Path dir;

  private static EmbeddedTemporalServer temporal;
  private static TemporalConnection connection;
  private static WorkerFactory workers;

  @BeforeAll
  static void startTemporalWithACampaignWorker() throws Exception {
    temporal = EmbeddedTemporalServer.start(0);
    connection = TemporalConnection.open(temporal.address(), "default");
    workers = WorkerFactory.newInstance(connection.client());
    workers.newWorker(TaskQueues.WORKFLOWS_QUEUE)
        .registerWorkflowImplementationTypes(WaitingCampaignWorkflowImpl.class);
    workers.start();
  }

  @AfterAll
  static void stopTemporal() {
    workers.shutdownNow();
    connection.close();
    temporal.close();
  }

  @Test
  void submitSignalsTheCampaignWithTheFilesAbsoluteUri() throws Exception {
    WaitingCampaignWorkflow campaign = startCampaign("night", "b1");
    Path labels = Files.writeString(dir.resolve("b1.json"), "[]");

    CliRun submit = submit("night", "b1", labels, "labelstudio");

    String uri = labels.toUri().toString();
    assertEquals(0, submit.exitCode(), submit.err());
    assertEquals("signaled campaign-night: batch b1 (iteration 1, 40 frames) returned as "
        + "labelstudio at " + uri + "\n", submit.out());
    assertEquals(List.of(new AnnotationsReturned("b1", uri, "labelstudio")),
        campaign.received());
  }

  @Test
  void submitRefusesABatchTheCampaignDoesNotWaitForInOneLine() throws Exception {
    WaitingCampaignWorkflow campaign = startCampaign("fog", "b1");
    Path labels = Files.writeString(dir.resolve("b7.xml"), "<annotations/>");

    CliRun submit = submit("fog", "b7", labels, "cvat");

    assertEquals(2, submit.exitCode());
    assertEquals("admlops: batch b7 is not pending in campaign-fog (unknown, or its labels were "
        + "already returned); it waits for b1\n", submit.err());
    assertEquals(List.of(), campaign.received());
  }

  @Test
  void submitToACampaignThatDoesNotRunSaysSo() throws Exception {
    Path labels = Files.writeString(dir.resolve("b1.json"), "{}");

    CliRun submit = submit("nobody", "b1", labels, "coco");

    assertEquals(2, submit.exitCode());
    assertEquals("admlops: no running campaign campaign-nobody\n", submit.err());
  }

  @Test
  void submitChecksTheFileAndTheFormatBeforeCallingTemporal() throws Exception {
    Path labels = Files.writeString(dir.resolve("b1.json"), "{}");

    CliRun missing = submit("night", "b1", dir.resolve("absent.json"), "coco");
    CliRun yolo = submit("night", "b1", labels, "yolo");

    assertEquals(2, missing.exitCode());
    assertEquals("admlops: --file " + dir.resolve("absent.json") + ": no such file or folder\n",
        missing.err());
    assertEquals(2, yolo.exitCode());
    assertEquals("admlops: --format yolo: expected one of labelstudio, cvat, coco, kitti\n",
        yolo.err());
  }

  private static WaitingCampaignWorkflow startCampaign(String name, String... batchIds) {
    WaitingCampaignWorkflow campaign = connection.client().newWorkflowStub(
        WaitingCampaignWorkflow.class, WorkflowOptions.newBuilder()
            .setWorkflowId(LoopSignals.campaignWorkflowId(name))
            .setTaskQueue(TaskQueues.WORKFLOWS_QUEUE)
            .build());
    WorkflowClient.start(campaign::run, name, List.of(batchIds));
    return campaign;
  }

  private static CliRun submit(String campaign, String batch, Path file, String format) {
    return CliRun.of("annotations", "submit", "--campaign", campaign, "--batch", batch,
        "--file", file.toString(), "--format", format, "--temporal", temporal.address());
  }
}
