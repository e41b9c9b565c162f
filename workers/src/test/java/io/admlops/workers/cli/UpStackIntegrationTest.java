package io.admlops.workers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.RepositoryFiles;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.workers.stack.DevStack;
import io.admlops.workers.stack.StackSettings;
import io.admlops.workers.stack.TemporalConnection;
import io.admlops.workers.stack.WorkerHost;
import io.admlops.workflows.TaskQueues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack of {@code admlops up}, started in this JVM as the command starts it (embedded
 * PostgreSQL under a fresh ADMLOPS_HOME, Temporal's service on a loopback port, real gRPC
 * workers), driven through the command line as a user drives it. The GPU queue is served by
 * a worker of its own, as a GPU machine's {@code admlops worker --queues gpu} would be, so the
 * test can stop it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpStackIntegrationTest {

  @TempDir static Path home;

  private static DevStack stack;
  private static TemporalConnection gpuConnection;
  private static WorkerHost gpuWorker;

  @BeforeAll
  static void startStack() throws Exception {
    StackSettings settings =
        StackSettings.resolve(null, null, null, Map.of("ADMLOPS_HOME", home.toString()));
    stack = DevStack.start(settings, List.of(TaskQueues.WORKFLOWS, TaskQueues.CPU), 0);
    gpuConnection = TemporalConnection.open(stack.temporalAddress(), "default");
    gpuWorker = WorkerHost.start(gpuConnection.client(), List.of(TaskQueues.GPU),
        settings.storage(), Optional.of(RegistryDatabase.open(stack.database())));
  }

  @AfterAll
  static void stopStack() {
    if (gpuWorker != null) {
      gpuWorker.close();
      gpuConnection.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void doctorReportsEveryQueueHealthyWithWhatItsWorkerSees() {
    CliRun doctor = CliRun.of("doctor", "--temporal", stack.temporalAddress());

    assertEquals(0, doctor.exitCode(), doctor.err());
    for (String queue : List.of("admlops-workflows", "admlops-cpu", "admlops-gpu")) {
      assertTrue(doctor.out().lines().anyMatch(l -> l.matches(queue + " +healthy")), doctor.out());
    }
    assertEquals(3, count(doctor.out(), "engine    PyTorch 2.7.1 on "));
    assertEquals(3, count(doctor.out(), "database  PostgreSQL 17"));
    assertEquals(3, count(doctor.out(), "DATASET   " + home.resolve("datasets")));
    assertTrue(Files.isDirectory(home.resolve("modelzoo")), "the stack creates MODELZOO");
  }

  @Test
  @Order(2)
  void doctorReportsTheStoppedGpuWorkerMissingWithinTenSeconds() {
    gpuWorker.close();
    gpuWorker = null;
    gpuConnection.close();

    long started = System.nanoTime();
    CliRun doctor = CliRun.of("doctor", "--temporal", stack.temporalAddress());
    double seconds = (System.nanoTime() - started) / 1e9;

    assertEquals(1, doctor.exitCode(), doctor.out() + doctor.err());
    assertTrue(doctor.out().contains(
        "admlops-gpu        MISSING  no worker picked up the probe within 5 s"), doctor.out());
    assertTrue(doctor.out().lines().anyMatch(l -> l.matches("admlops-cpu +healthy")));
    assertTrue(seconds < 10, "reported in " + seconds + " s");
  }

  @Test
  void campaignCommandsStartInspectSignalAndCancelACampaignWorkflow() throws Exception {
    Path config = home.resolve("night-and-fog.yaml");
    Files.writeString(config, "name: night-and-fog\ncadence: P7D\n");
    CliRun incomplete = CliRun.of("campaign", "start", "--config", config.toString(),
        "--temporal", stack.temporalAddress());
    assertEquals(2, incomplete.exitCode());
    assertEquals("admlops: " + config + ": campaign config field 'dataset' is missing",
        incomplete.err().strip());
    // The dataset has no version yet: the campaign's first iteration fails and is noted,
    // and the campaign waits for its next turn.
    Files.writeString(config, "name: night-and-fog\ncadence: P7D\ndataset: drive\n"
        + "modelConfig: " + RepositoryFiles.locate("configs/models/centernet-tiny.yaml")
        + "\nlabeling: {budget: 500}\n");
    String temporal = stack.temporalAddress();

    CliRun start = CliRun.of("campaign", "start", "--config", config.toString(),
        "--temporal", temporal);
    assertEquals(0, start.exitCode(), start.err());
    assertTrue(start.out().startsWith("started campaign-night-and-fog (run "), start.out());

    CliRun again = CliRun.of("campaign", "start", "--config", config.toString(),
        "--temporal", temporal);
    assertEquals(2, again.exitCode());
    assertTrue(again.err().contains("campaign-night-and-fog is already running"), again.err());

    CliRun status = CliRun.of("campaign", "status", "night-and-fog", "--temporal", temporal);
    assertEquals(0, status.exitCode(), status.err());
    assertTrue(status.out().startsWith("campaign-night-and-fog  running"), status.out());
    assertTrue(status.out().contains("type        CampaignWorkflow on admlops-workflows"));

    CliRun signal = CliRun.of("campaign", "signal", "night-and-fog", "annotationsReturned",
        "{\"batchId\":\"b1\",\"uri\":\"file:///inbox/b1.json\",\"format\":\"coco\"}",
        "--temporal", temporal);
    assertEquals(0, signal.exitCode(), signal.err());
    assertEquals("sent annotationsReturned to campaign-night-and-fog\n", signal.out());

    CliRun cancel = CliRun.of("campaign", "cancel", "night-and-fog", "--temporal", temporal);
    assertEquals(0, cancel.exitCode(), cancel.err());

    CliRun unknown = CliRun.of("campaign", "status", "nobody", "--temporal", temporal);
    assertEquals(2, unknown.exitCode());
    assertEquals("admlops: no campaign campaign-nobody on " + temporal + "\n", unknown.err());
  }

  @Test
  void campaignListExplainsThatTheInMemoryServiceHasNoVisibility() {
    CliRun list = CliRun.of("campaign", "list", "--temporal", stack.temporalAddress());

    assertEquals(2, list.exitCode(), list.out());
    assertTrue(list.err().contains("answers no visibility queries"), list.err());
    assertTrue(list.err().contains("scripts/temporal-dev-server"), list.err());
  }

  private static long count(String text, String part) {
    return text.lines().filter(l -> l.contains(part)).count();
  }
}
